package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A submitted call: {@code amount} is the call; {@code closed}, {@code commit}, {@code bestCase} and {@code pipeline}
 * the figures of the submitter's scope (their own deals, or the team's) when it was submitted.
 */
public record SubmissionView(
        long id,
        LocalDate periodStart,
        LocalDate periodEnd,
        long submittedBy,
        String submittedByName,
        Long teamId,
        String teamName,
        LocalDate weekStart,
        BigDecimal amount,
        String note,
        BigDecimal closed,
        BigDecimal commit,
        BigDecimal bestCase,
        BigDecimal pipeline,
        Instant submittedAt) {}
