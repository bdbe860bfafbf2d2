package org.pipelinecrm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** One field of a deal changed by hand: who, when, from what to what (as display text). */
@Entity
class DealEdit extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private long opportunityId;
    private String field;
    private String oldValue;
    private String newValue;
    private long changedBy;
    private Instant changedAt;

    protected DealEdit() {}

    DealEdit(long opportunityId, String field, String oldValue, String newValue, long changedBy, Instant changedAt) {
        this.opportunityId = opportunityId;
        this.field = field;
        this.oldValue = clip(oldValue);
        this.newValue = clip(newValue);
        this.changedBy = changedBy;
        this.changedAt = changedAt;
    }

    private static String clip(String value) {
        return value == null || value.length() <= 600 ? value : value.substring(0, 599) + "…";
    }

    String getField() {
        return field;
    }

    String getOldValue() {
        return oldValue;
    }

    String getNewValue() {
        return newValue;
    }

    long getChangedBy() {
        return changedBy;
    }

    Instant getChangedAt() {
        return changedAt;
    }
}
