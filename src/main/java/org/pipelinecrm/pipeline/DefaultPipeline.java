package org.pipelinecrm.pipeline;

import java.util.List;

import org.pipelinecrm.pipeline.Pipelines.PipelineCmd;
import org.pipelinecrm.pipeline.Pipelines.StageCmd;
import org.pipelinecrm.tenant.WorkspaceCreated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new workspace the seven-stage pipeline of the domain brief and the default reason lists,
 * in the sign-up transaction, so the workspace is usable the moment sign-up answers.
 */
@Component
class DefaultPipeline {

    private final Pipelines pipelines;

    DefaultPipeline(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        pipelines.createPipeline(new PipelineCmd("Sales", null, List.of(
                open("Prospecting", 10, 14, "Ideal customer profile fits", "Contact person identified"),
                open("Lead qualification", 20, 14, "Budget known", "Decision maker known", "Need confirmed"),
                open("Call/meeting/demo", 40, 21, "Demo held", "Pain points written down"),
                open("Proposal", 60, 21, "Proposal sent", "Pricing agreed internally"),
                open("Negotiation and commitment", 80, 30, "Terms agreed", "Commitment from the decision maker"),
                open("Contract signed", 95, 14, "Contract countersigned"),
                open("After-sale", 100, 60, "Onboarding done", "Cross-sell and upsell explored"),
                new StageCmd(null, "Closed won", StageKind.WON, 100, null, List.of()),
                new StageCmd(null, "Closed lost", StageKind.LOST, 0, null, List.of()))));
        int i = 0;
        for (String[] r : List.of(new String[] {"PRICE", "Price"}, new String[] {"COMPETITOR", "Competitor"},
                new String[] {"NO_BUDGET", "No budget"}, new String[] {"NO_DECISION", "No decision"},
                new String[] {"TIMING", "Timing"}, new String[] {"LOST_CONTACT", "Lost contact"},
                new String[] {"PRODUCT_FIT", "Product fit"})) {
            pipelines.addReason(StageKind.LOST, r[0], r[1], i++);
        }
        i = 0;
        for (String[] r : List.of(new String[] {"RELATIONSHIP", "Relationship"}, new String[] {"PRICE", "Price"},
                new String[] {"PRODUCT_FIT", "Product fit"})) {
            pipelines.addReason(StageKind.WON, r[0], r[1], i++);
        }
    }

    private static StageCmd open(String name, int probability, int rottingDays, String... exitCriteria) {
        return new StageCmd(null, name, StageKind.OPEN, probability, rottingDays, List.of(exitCriteria));
    }
}
