package org.pipelinecrm.opportunity;

import java.util.List;
import java.util.Optional;
import org.pipelinecrm.activity.ActivityRecords;
import org.pipelinecrm.activity.RecordRef;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Deals as records that activities and tasks are logged on; an account's timeline includes its deals'. */
@Component
@Transactional(readOnly = true)
class DealRecords implements ActivityRecords {

    private final OpportunityRepository deals;

    DealRecords(OpportunityRepository deals) {
        this.deals = deals;
    }

    @Override
    public boolean supports(RecordType type) {
        return type == RecordType.OPPORTUNITY;
    }

    @Override
    public Optional<RecordRef> find(RecordType type, long id, Actor by) {
        return deals.findById(id).map(d -> ref(d, by));
    }

    @Override
    public List<RecordRef> related(RecordType type, long id, Actor by) {
        if (type != RecordType.ACCOUNT) {
            return List.of();
        }
        return deals.findAllByAccountId(id).stream()
                .map(d -> ref(d, by))
                .filter(RecordRef::visible)
                .toList();
    }

    private static RecordRef ref(Opportunity deal, Actor me) {
        return new RecordRef(
                RecordType.OPPORTUNITY,
                deal.getId(),
                deal.getName(),
                "/opportunities/" + deal.getId(),
                DealScope.canSee(me, deal.getOwnerId(), deal.getTeamId()));
    }
}
