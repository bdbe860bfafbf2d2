package org.pipelinecrm.lead;

import org.pipelinecrm.opportunity.OpportunityChanged;
import org.pipelinecrm.pipeline.StageKind;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps on each converted lead whether the deal it became is won ({@code deal_won_at}), from the deal's won,
 * re-opened and lost events, in the transaction that moved the deal: the lead's cohort rollup (the triggers on
 * {@code lead}) counts won deals from it, so the lead module reads no deal table.
 */
@Component
class LeadDealOutcomes {

    private final JdbcClient jdbc;

    LeadDealOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(OpportunityChanged changed) {
        // only a move can change whether a deal is won; a deal just opened has no lead converted into it yet
        if (changed.change() != OpportunityChanged.Change.STAGE_CHANGED || changed.fromStageId() == null) {
            return;
        }
        boolean won = changed.status() == StageKind.WON;
        jdbc.sql("""
                        update lead set deal_won_at = case when :won then cast(:at as timestamptz) end
                        where tenant_id = :tenant and converted_opportunity_id = :deal
                          and (deal_won_at is not null) <> :won
                        """)
                .param("won", won)
                .param("at", java.sql.Timestamp.from(changed.at()))
                .param("tenant", changed.tenantId())
                .param("deal", changed.opportunityId())
                .update();
    }
}
