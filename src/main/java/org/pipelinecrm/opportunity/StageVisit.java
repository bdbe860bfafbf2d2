package org.pipelinecrm.opportunity;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time a deal spent in one stage: the history the opportunity page and the API show. */
public record StageVisit(
        Long fromStageId,
        String fromStageName,
        long stageId,
        String stageName,
        long changedBy,
        String changedByName,
        Instant enteredAt,
        Instant leftAt) {

    public long daysInStage() {
        return Duration.between(enteredAt, leftAt == null ? Instant.now() : leftAt)
                .toDays();
    }
}
