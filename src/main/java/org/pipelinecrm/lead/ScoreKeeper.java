package org.pipelinecrm.lead;

import java.time.Instant;
import java.util.List;

import org.pipelinecrm.scoring.Scorecard;
import org.pipelinecrm.scoring.Scorecard.Behaviour;
import org.pipelinecrm.scoring.Scorecard.Contribution;
import org.pipelinecrm.scoring.Scorecard.Score;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps a lead's score current. Lead depends on scoring (never the other way): scoring offers a pure
 * {@link Scorecard}, and tells lead through an event when its rules change.
 */
@Component
class ScoreKeeper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LeadEventRepository events;
    private final TimelineRepository timeline;

    ScoreKeeper(LeadEventRepository events, TimelineRepository timeline) {
        this.events = events;
        this.timeline = timeline;
    }

    void rescore(Lead lead, Scorecard card, Long actorId) {
        List<Behaviour> behaviour = events.findByLeadIdOrderByOccurredAtDesc(lead.id).stream()
                .map(e -> new Behaviour(e.type, e.occurredAt)).toList();
        apply(lead, card.score(lead.fit(), behaviour, Instant.now()), card, actorId);
    }

    void apply(Lead lead, Score score, Scorecard card, Long actorId) {
        boolean wasReady = lead.salesReady;
        if (lead.rescored(score.total(), JSON.writeValueAsString(score.breakdown()), score.mql(), score.salesReady())) {
            timeline.save(new TimelineEntry(lead.id, "PROMOTED",
                    LeadWording.crossed(score.total(), card.mqlThreshold()), actorId, Instant.now()));
        }
        if (score.salesReady() && !wasReady) {
            timeline.save(new TimelineEntry(lead.id, "SALES_READY",
                    LeadWording.crossed(score.total(), card.sqlThreshold()), actorId, Instant.now()));
        }
    }

    static List<Contribution> breakdown(String json) {
        return JSON.readValue(json, new TypeReference<List<Contribution>>() { });
    }
}
