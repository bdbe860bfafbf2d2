package org.pipelinecrm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** One move of a deal from a stage to another (from is empty when the deal was created). */
@Entity
class StageChange extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private long opportunityId;
    private Long fromStageId;
    private long toStageId;
    private long changedBy;
    private Instant changedAt;

    protected StageChange() {}

    StageChange(long opportunityId, Long fromStageId, long toStageId, long changedBy, Instant changedAt) {
        this.opportunityId = opportunityId;
        this.fromStageId = fromStageId;
        this.toStageId = toStageId;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    Long getId() {
        return id;
    }

    /** The stage it came from, when a change imported later is placed before it in the deal's history. */
    void cameFrom(Long stageId) {
        this.fromStageId = stageId;
    }

    Long getFromStageId() {
        return fromStageId;
    }

    long getToStageId() {
        return toStageId;
    }

    long getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}
