package org.pipelinecrm.opportunity;

import java.time.Instant;
import java.util.function.Supplier;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.tenant.TenantEvent;

/**
 * A deal was opened, edited or entered a stage (moved, won, lost, re-opened), published in the transaction that
 * changed it so that listeners can write what must commit with the change (webhook outbox, automations).
 * {@code previous} is the deal before an edit (null otherwise); {@code fromStageId} the stage it left. The deal as
 * the API shows it is read only when asked for ({@code view}), as most changes have nobody listening.
 */
public record OpportunityChanged(
        long tenantId,
        Change change,
        long opportunityId,
        long ownerId,
        long pipelineId,
        Long fromStageId,
        long stageId,
        StageKind status,
        OpportunityView previous,
        long by,
        Instant at,
        Supplier<OpportunityView> view)
        implements TenantEvent {

    public enum Change {
        CREATED,
        UPDATED,
        STAGE_CHANGED
    }
}
