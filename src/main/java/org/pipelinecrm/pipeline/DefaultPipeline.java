package org.pipelinecrm.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.pipeline.Pipelines.PipelineCmd;
import org.pipelinecrm.pipeline.Pipelines.StageCmd;
import org.pipelinecrm.tenant.WorkspaceCreated;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives a new workspace the seven-stage pipeline of the domain brief, named in the language it was signed up in
 * (the Persian names are the seed article's), and the default reason lists, in the sign-up transaction, so the
 * workspace is usable the moment sign-up answers.
 */
@Component
class DefaultPipeline {

    private final Pipelines pipelines;
    private final MessageSource messages;

    DefaultPipeline(Pipelines pipelines, MessageSource messages) {
        this.pipelines = pipelines;
        this.messages = messages;
    }

    @EventListener
    void on(WorkspaceCreated created) {
        Locale language = created.language();
        pipelines.createPipeline(new PipelineCmd(
                text("name", language),
                null,
                List.of(
                        open("prospecting", 10, 14, language, "idealCustomer", "contactFound"),
                        open("qualification", 20, 14, language, "budgetKnown", "decisionMakerKnown", "needConfirmed"),
                        open("meeting", 40, 21, language, "demoHeld", "painPointsNoted"),
                        open("proposal", 60, 21, language, "proposalSent", "pricingAgreed"),
                        open("negotiation", 80, 30, language, "termsAgreed", "commitment"),
                        open("contract", 95, 14, language, "contractSigned"),
                        open("afterSale", 100, 60, language, "onboarded", "crossSell"),
                        new StageCmd(null, text("won", language), StageKind.WON, 100, null, List.of()),
                        new StageCmd(null, text("lost", language), StageKind.LOST, 0, null, List.of()))));
        int i = 0;
        for (String[] r : List.of(
                new String[] {"PRICE", "Price"},
                new String[] {"COMPETITOR", "Competitor"},
                new String[] {"NO_BUDGET", "No budget"},
                new String[] {"NO_DECISION", "No decision"},
                new String[] {"TIMING", "Timing"},
                new String[] {"LOST_CONTACT", "Lost contact"},
                new String[] {"PRODUCT_FIT", "Product fit"})) {
            pipelines.addReason(StageKind.LOST, r[0], r[1], i++);
        }
        i = 0;
        for (String[] r :
                List.of(new String[] {"RELATIONSHIP", "Relationship"}, new String[] {"PRICE", "Price"}, new String[] {
                    "PRODUCT_FIT", "Product fit"
                })) {
            pipelines.addReason(StageKind.WON, r[0], r[1], i++);
        }
    }

    private StageCmd open(String stage, int probability, int rottingDays, Locale language, String... exitCriteria) {
        return new StageCmd(
                null,
                text(stage, language),
                StageKind.OPEN,
                probability,
                rottingDays,
                Arrays.stream(exitCriteria)
                        .map(c -> text("exit." + c, language))
                        .toList());
    }

    private String text(String key, Locale language) {
        return messages.getMessage("pipeline.default." + key, null, language);
    }
}
