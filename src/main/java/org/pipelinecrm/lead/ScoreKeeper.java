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
 * Keeps a lead's score current; the caller saves the lead, which publishes what the new score changed. Lead depends on scoring (never the other way): scoring offers a pure
 * {@link Scorecard}, and tells lead through an event when its rules change.
 */
@Component
class ScoreKeeper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LeadEventRepository events;

    ScoreKeeper(LeadEventRepository events) {
        this.events = events;
    }

    /** Scores the lead with its behaviour events; the lead registers a promotion or sales-readiness it reached. */
    void rescore(Lead lead, Scorecard card, Long actorId) {
        List<Behaviour> behaviour = lead.id() == null
                ? List.of()
                : events.findByLeadIdOrderByOccurredAtDesc(lead.id()).stream()
                        .map(e -> new Behaviour(e.type, e.occurredAt))
                        .toList();
        apply(lead, card.score(lead.fit(), behaviour, Instant.now()), card, actorId);
    }

    void apply(Lead lead, Score score, Scorecard card, Long actorId) {
        lead.rescored(
                score, JSON.writeValueAsString(score.breakdown()), card.mqlThreshold(), card.sqlThreshold(), actorId);
    }

    static List<Contribution> breakdown(String json) {
        return JSON.readValue(json, new TypeReference<List<Contribution>>() {});
    }
}
