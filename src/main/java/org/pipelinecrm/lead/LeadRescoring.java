package org.pipelinecrm.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelinecrm.scoring.Scorecard;
import org.pipelinecrm.scoring.Scorecard.Behaviour;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.scoring.ScoringRulesChanged;
import org.springframework.data.domain.PageRequest;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Scores every lead of a workspace again when its rules change, in batches so millions of leads fit. */
@Component
class LeadRescoring {

    private static final int BATCH = 500;

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final TransactionTemplate tx;

    LeadRescoring(
            LeadRepository leads,
            LeadEventRepository events,
            ScoreKeeper scores,
            Scoring scoring,
            TransactionTemplate tx) {
        this.leads = leads;
        this.events = events;
        this.scores = scores;
        this.scoring = scoring;
        this.tx = tx;
    }

    @ApplicationModuleListener
    void on(ScoringRulesChanged changed) {
        rescoreAll();
    }

    /** Runs inside the workspace (the tenant aspect or the caller enters it). */
    void rescoreAll() {
        Scorecard card = scoring.scorecard();
        long after = 0;
        while (true) {
            long from = after;
            Long last = tx.execute(status -> rescoreBatch(card, from));
            if (last == null) {
                return;
            }
            after = last;
        }
    }

    private Long rescoreBatch(Scorecard card, long after) {
        List<Long> ids = leads.idsAfter(after, PageRequest.of(0, BATCH));
        if (ids.isEmpty()) {
            return null;
        }
        Map<Long, List<Behaviour>> byLead = events.findByLeadIdIn(ids).stream()
                .collect(Collectors.groupingBy(
                        e -> e.leadId,
                        Collectors.mapping(e -> new Behaviour(e.type, e.occurredAt), Collectors.toList())));
        Instant now = Instant.now();
        List<Lead> batch = leads.findAllById(ids);
        for (Lead lead : batch) {
            scores.apply(lead, card.score(lead.fit(), byLead.getOrDefault(lead.id(), List.of()), now), card, null);
        }
        leads.saveAll(batch); // publishes the promotions the new scores made
        return ids.get(ids.size() - 1);
    }
}
