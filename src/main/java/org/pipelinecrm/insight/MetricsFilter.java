package org.pipelinecrm.insight;

import java.time.LocalDate;

/**
 * What a dashboard asks about: the days from {@code from} to {@code to} (both included, UTC days) and,
 * optionally, one pipeline, one team or one rep.
 */
public record MetricsFilter(LocalDate from, LocalDate to, Long pipelineId, Long teamId, Long ownerId) {

    public MetricsFilter {
        if (from == null || to == null) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "from", "problem.field.required", "from and to are both needed");
        }
        if (to.isBefore(from)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "to", "problem.field.end-before-start", "to is before from");
        }
        if (to.toEpochDay() - from.toEpochDay() > 3660) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "to", "problem.field.period-too-long", "A period is at most ten years long");
        }
    }

    /** The same number of days just before this period: what the comparison figures are of. */
    public MetricsFilter previous() {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        return new MetricsFilter(from.minusDays(days), from.minusDays(1), pipelineId, teamId, ownerId);
    }

    public MetricsFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new MetricsFilter(newFrom, newTo, pipelineId, teamId, ownerId);
    }

    public MetricsFilter forOwner(long owner) {
        return new MetricsFilter(from, to, pipelineId, null, owner);
    }
}
