package org.pipelinecrm.opportunity;

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

    DealHistoryRecorder(
            OpportunityRepository deals,
            StageChangeRepository changes,
            DealEditRepository edits,
            Opportunities opportunities) {
        this.deals = deals;
        this.changes = changes;
        this.edits = edits;
        this.opportunities = opportunities;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DealStageChanged changed) {
        deals.flush();
        changes.save(new StageChange(
                changed.deal().getId(), changed.fromStageId(), changed.toStageId(), changed.by(), changed.at()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(DealEdited edited) {
        deals.flush();
        edits.saveAll(DealEdits.between(
                opportunities.named(edited.before()), opportunities.view(edited.deal()), edited.by(), edited.at()));
    }
}
