package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How past calls compared with what closed. {@code periods}: for each caller and past period, the last call
 * submitted before the period ended against what the caller's scope won in it (counted now); {@code callers}: per
 * caller, the mean absolute error of those calls and that error as a percent of the mean won amount.
 */
public record Accuracy(List<PeriodCall> periods, List<Caller> callers) {

    /** {@code teamId} set: a team's call by its manager; otherwise the person's own call. */
    public record PeriodCall(
            LocalDate periodStart,
            LocalDate periodEnd,
            long submittedBy,
            String submittedByName,
            Long teamId,
            String teamName,
            BigDecimal call,
            BigDecimal actual,
            BigDecimal error) {}

    /** {@code maePercent} null when nothing closed in any of the periods. */
    public record Caller(
            String key,
            String name,
            Long personId,
            Long teamId,
            int periods,
            BigDecimal meanAbsoluteError,
            BigDecimal maePercent) {}
}
