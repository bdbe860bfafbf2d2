package org.pipelinecrm.opportunity;

import java.time.Instant;
import org.pipelinecrm.activity.ActivityLogged;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskCompleted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An activity logged or a task completed on a deal counts as activity on it: its last-activity time moves
 * in the same transaction, so the board's rotting flag and the stalled-deal figures reflect it at once.
 */
@Component
class DealActivity {

    private final OpportunityRepository deals;

    DealActivity(OpportunityRepository deals) {
        this.deals = deals;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ActivityLogged logged) {
        if (logged.recordType() == RecordType.OPPORTUNITY) {
            Instant now = Instant.now();
            // An activity logged for later (a planned meeting) is not activity yet.
            deals.touch(logged.recordId(), logged.occurredAt().isAfter(now) ? now : logged.occurredAt());
        }
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(TaskCompleted completed) {
        if (completed.recordType() == RecordType.OPPORTUNITY) {
            deals.touch(completed.recordId(), completed.completedAt());
        }
    }
}
