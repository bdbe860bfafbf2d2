package org.pipelinecrm.opportunity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stages a deal went through, for the deal page, the API and the answer to a refused move. */
@Service
@Transactional(readOnly = true)
public class DealStageHistory {

    private final Opportunities opportunities;
    private final StageChangeRepository changes;
    private final Pipelines pipelines;
    private final People people;

    DealStageHistory(Opportunities opportunities, StageChangeRepository changes, Pipelines pipelines, People people) {
        this.opportunities = opportunities;
        this.changes = changes;
        this.pipelines = pipelines;
        this.people = people;
    }

    /** Every stage the deal went through, with when it entered and left and who moved it. */
    public List<StageVisit> of(long dealId) {
        opportunities.load(dealId);
        List<StageChange> all = changes.findAllByOpportunityIdOrderByChangedAtAscIdAsc(dealId);
        Map<Long, String> owners = people.userNames();
        Map<Long, String> stageNames = new HashMap<>(); // each stage looked up once, however often the deal visited it
        List<StageVisit> visits = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            StageChange c = all.get(i);
            Instant left = i + 1 < all.size() ? all.get(i + 1).getChangedAt() : null;
            visits.add(new StageVisit(
                    c.getFromStageId(),
                    stageName(stageNames, c.getFromStageId()),
                    c.getToStageId(),
                    stageName(stageNames, c.getToStageId()),
                    c.getChangedBy(),
                    owners.get(c.getChangedBy()),
                    c.getChangedAt(),
                    left));
        }
        return visits;
    }

    /** Who changed the deal last, and when: what a person whose move was refused wants to know. */
    public Optional<StageVisit> lastChange(long dealId) {
        List<StageVisit> all = of(dealId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private String stageName(Map<Long, String> names, Long stageId) {
        return stageId == null
                ? null
                : names.computeIfAbsent(
                        stageId,
                        id -> pipelines.findStage(id).map(StageView::name).orElse("—"));
    }
}
