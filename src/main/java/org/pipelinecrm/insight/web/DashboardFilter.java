package org.pipelinecrm.insight.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.pipelinecrm.insight.PeriodType;

/**
 * The dashboard's filters as the form sends them; blank values mean "all". {@code period} names a period by its
 * type and first day, {@code QUARTER:2026-04-01}; none means the one chosen last, or this quarter.
 */
record DashboardFilter(
        @Pattern(regexp = "(MONTH|QUARTER|YEAR):\\d{4}-\\d{2}-\\d{2}")
        String period,

        @Positive Long pipelineId,
        @Positive Long teamId,
        @Positive Long ownerId)
        implements java.io.Serializable {

    static final DashboardFilter NONE = new DashboardFilter(null, null, null, null);

    PeriodType periodType() {
        return periodStart() == null ? null : PeriodType.valueOf(period.substring(0, period.indexOf(':')));
    }

    /** The first day of the named period; null when none is named or the day does not exist (2026-02-30). */
    LocalDate periodStart() {
        if (period == null || !period.matches("(MONTH|QUARTER|YEAR):\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(period.substring(period.indexOf(':') + 1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
