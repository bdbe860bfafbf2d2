package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void aSolarHijriMonthRunsFromItsFirstToItsLastDay() {
        // 1 Azar 1405 is 22 November 2026; Azar has 30 days
        Period azar = Periods.containing(LocalDate.of(2026, 11, 25), PeriodType.MONTH, FiscalCalendar.PERSIAN, 1);
        assertThat(azar.start()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(azar.end()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(azar.year()).isEqualTo(1405);
        assertThat(azar.index()).isEqualTo(9);
    }

    @Test
    void theSolarHijriYearStartsAtNowruz() {
        Period year = Periods.containing(LocalDate.of(2026, 11, 22), PeriodType.YEAR, FiscalCalendar.PERSIAN, 1);
        assertThat(year.start()).isEqualTo(LocalDate.of(2026, 3, 21));
        assertThat(year.end()).isEqualTo(LocalDate.of(2027, 3, 20));
        assertThat(year.year()).isEqualTo(1405);
    }

    @Test
    void quartersFollowAFiscalYearThatStartsInApril() {
        Period q = Periods.containing(LocalDate.of(2027, 2, 10), PeriodType.QUARTER, FiscalCalendar.GREGORIAN, 4);
        assertThat(q.start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q.end()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(q.index()).isEqualTo(4);
        assertThat(q.year()).as("named by the year it starts in").isEqualTo(2026);
        assertThat(Periods.previous(q, 4).start()).isEqualTo(LocalDate.of(2026, 10, 1));
    }

    @Test
    void consecutivePeriodsLeaveNoGapAndNoOverlap() {
        var months = Periods.from(LocalDate.of(2026, 1, 1), PeriodType.MONTH, FiscalCalendar.PERSIAN, 1, 14);
        for (int i = 1; i < months.size(); i++) {
            assertThat(months.get(i).start()).isEqualTo(months.get(i - 1).end().plusDays(1));
        }
        assertThat(months.get(0).start()).isEqualTo(LocalDate.of(2025, 12, 22)); // 1 Dey 1404
    }
}
