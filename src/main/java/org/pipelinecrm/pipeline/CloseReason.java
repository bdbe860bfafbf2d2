package org.pipelinecrm.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.pipelinecrm.shared.TenantOwned;

/** One entry of the workspace's list of reasons deals are won or lost. */
@Entity
class CloseReason extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Enumerated(EnumType.STRING)
    private StageKind outcome;

    private String code;
    private String label;
    private int position;

    protected CloseReason() {
    }

    CloseReason(StageKind outcome, String code, String label, int position) {
        this.outcome = outcome;
        this.code = code;
        this.label = label;
        this.position = position;
    }

    CloseReasonView toView() {
        return new CloseReasonView(outcome, code, label);
    }
}
