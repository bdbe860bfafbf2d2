package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The forecast of one scope for a period (see {@link Figures}); {@code target} null: no target covers it;
 * {@code calls}: the latest call of each person (and each team) in the scope for exactly this period, newest first;
 * {@code rolledUp}: the sum of the latest own calls of the scope's people (null: nobody called yet).
 */
public record Forecast(
        LocalDate periodStart,
        LocalDate periodEnd,
        Long teamId,
        Long ownerId,
        BigDecimal closed,
        BigDecimal commit,
        BigDecimal bestCase,
        BigDecimal pipeline,
        BigDecimal stageWeighted,
        BigDecimal target,
        BigDecimal rolledUp,
        List<SubmissionView> calls) {}
