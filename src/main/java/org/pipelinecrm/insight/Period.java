package org.pipelinecrm.insight;

import java.time.LocalDate;

/**
 * A stretch of days, both ends included. {@code year} and {@code index} name it in its calendar:
 * fiscal year 1405, quarter 3, month 9 (Azar).
 */
public record Period(PeriodType type, FiscalCalendar calendar, int year, int index, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
