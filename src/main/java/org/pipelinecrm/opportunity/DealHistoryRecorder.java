package org.pipelinecrm.opportunity;

import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes a deal's history from the events its guarded methods register, in the transaction that changed it:
 * each stage it enters (stage history, the stage rollups' source) and each hand edit of its fields (timeline).
 * <p>
 * Lock order: every path writes the deal's row first (flushed here, with the totals its triggers keep) and its
 * stage change after. A create that inserted the deal before its stage change while a move wrote the stage change
 * before the deal took the same rollup rows in opposite orders, and PostgreSQL broke the circle with a deadlock.
 */
@Component
class DealHistoryRecorder {

    private final OpportunityRepository deals;
    private final StageChangeRepository changes;
    private final DealEditRepository edits;
    private final Opportunities opportunities;
    private final ApplicationEventPublisher publisher;

    DealHistoryRecorder(
            OpportunityRepository deals,
            StageChangeRepository changes,
            DealEditRepository edits,
            Opportunities opportunities,
            ApplicationEventPublisher publisher) {
        this.deals = deals;
        this.changes = changes;
        this.edits = edits;
        this.opportunities = opportunities;
        this.publisher = publisher;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DealStageChanged changed) {
        deals.flush();
        changes.save(new StageChange(
                changed.deal().getId(), changed.fromStageId(), changed.toStageId(), changed.by(), changed.at()));
        publish(
                changed.deal(),
                changed.fromStageId() == null
                        ? OpportunityChanged.Change.CREATED
                        : OpportunityChanged.Change.STAGE_CHANGED,
                changed.fromStageId(),
                changed.toStageId(),
                null,
                changed.by(),
                changed.at());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DealEdited edited) {
        deals.flush();
        edits.saveAll(DealEdits.between(
                opportunities.named(edited.before()), opportunities.view(edited.deal()), edited.by(), edited.at()));
        OpportunityView now = edited.deal().toView(null, null);
        publish(
                edited.deal(),
                OpportunityChanged.Change.UPDATED,
                null,
                now.stageId(),
                opportunities.named(edited.before()),
                edited.by(),
                edited.at());
    }

    private void publish(
            Opportunity deal,
            OpportunityChanged.Change change,
            Long fromStageId,
            long stageId,
            OpportunityView previous,
            long by,
            java.time.Instant at) {
        OpportunityView now = deal.toView(null, null);
        publisher.publishEvent(new OpportunityChanged(
                TenantContext.require(),
                change,
                deal.getId(),
                now.ownerId(),
                now.pipelineId(),
                fromStageId,
                stageId,
                // an imported deal's history replays its stages: the status is the one of the stage entered
                stageId == now.stageId() ? now.status() : org.pipelinecrm.pipeline.StageKind.OPEN,
                previous,
                by,
                at,
                () -> opportunities.view(deal)));
    }
}
