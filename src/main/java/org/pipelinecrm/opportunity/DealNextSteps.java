package org.pipelinecrm.opportunity;

import java.util.Objects;
import org.pipelinecrm.activity.NextStep;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskChanged;
import org.pipelinecrm.activity.Tasks;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's next step is its earliest open task, the one the board's card shows. Whenever a task of a deal is added,
 * edited, completed or reopened, the deal's {@code nextStep} becomes that task's title (or none), in the same
 * transaction, so the deal page, the board and the API never disagree. It does not make the deal's version stale.
 */
@Component
class DealNextSteps {

    private final OpportunityRepository deals;
    private final Tasks tasks;

    DealNextSteps(OpportunityRepository deals, Tasks tasks) {
        this.deals = deals;
        this.tasks = tasks;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TaskChanged changed) {
        if (changed.recordType() == RecordType.OPPORTUNITY && changed.recordId() != null) {
            refresh(changed.recordId());
        }
        if (changed.previousRecordType() == RecordType.OPPORTUNITY
                && changed.previousRecordId() != null
                && !(changed.recordType() == RecordType.OPPORTUNITY
                        && Objects.equals(changed.previousRecordId(), changed.recordId()))) {
            refresh(changed.previousRecordId());
        }
    }

    private void refresh(long dealId) {
        NextStep step = tasks.nextOpenTask(RecordType.OPPORTUNITY, dealId);
        deals.findById(dealId).ifPresent(deal -> deal.nextStepIs(step == null ? null : step.title()));
    }
}
