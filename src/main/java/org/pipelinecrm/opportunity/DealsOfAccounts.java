package org.pipelinecrm.opportunity;

import java.util.List;
import org.pipelinecrm.account.AccountDeal;
import org.pipelinecrm.account.AccountDeals;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The deals of an account for the account page, as far as the signed-in person may see them. */
@Component
class DealsOfAccounts implements AccountDeals {

    private final OpportunityRepository opportunities;
    private final Pipelines pipelines;

    DealsOfAccounts(OpportunityRepository opportunities, Pipelines pipelines) {
        this.opportunities = opportunities;
        this.pipelines = pipelines;
    }

    @Override
    @Transactional(readOnly = true)
    public List<AccountDeal> dealsOf(long accountId) {
        var me = CurrentUser.get();
        return opportunities
                .findAll(
                        (r, q, cb) -> cb.equal(r.get("accountId"), accountId),
                        Sort.by(Sort.Direction.DESC, "openedAt", "id"))
                .stream()
                .filter(o -> DealScope.canSee(me, o.getOwnerId(), o.getTeamId()))
                .map(o -> {
                    OpportunityView v = o.toView(null, null);
                    return new AccountDeal(
                            v.id(),
                            v.name(),
                            v.status().name(),
                            pipelines
                                    .findStage(v.stageId())
                                    .map(StageView::name)
                                    .orElse(null),
                            v.amount(),
                            v.expectedCloseDate());
                })
                .toList();
    }
}
