package org.pipelinecrm.scoring;

import java.util.List;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.WorkspaceCreated;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The current workspace's scoring model: read it, change it, hand out its scorecard. */
@Service
@Transactional(readOnly = true)
public class Scoring {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScoringModelRepository models;
    private final ApplicationEventPublisher events;

    Scoring(ScoringModelRepository models, ApplicationEventPublisher events) {
        this.models = models;
        this.events = events;
    }

    public ScoringRules rules() {
        return models.findFirstBy().map(Scoring::toRules).orElseGet(DefaultModel::rules);
    }

    public Scorecard scorecard() {
        return rules().scorecard();
    }

    /** The behaviour events a lead can record: the built-in ones and those the workspace's rules name, sorted. */
    public java.util.SortedSet<String> eventTypes() {
        java.util.SortedSet<String> types = new java.util.TreeSet<>();
        java.util.stream.Stream.concat(
                        DefaultModel.rules().behaviourRules().stream(), rules().behaviourRules().stream())
                .forEach(rule -> types.add(rule.eventType().trim().toUpperCase(java.util.Locale.ROOT)));
        return types;
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
    public ScoringRules change(ScoringRules rules) {
        if (rules.sqlThreshold() < rules.mqlThreshold()) {
            throw new ConflictException("scoring.thresholds", "The SQL threshold must not be below the MQL threshold");
        }
        ScoringModel model = models.findFirstBy().orElseGet(() -> models.save(fromRules(DefaultModel.rules())));
        if (model.version != rules.version()) {
            throw new ObjectOptimisticLockingFailureException(ScoringModel.class, model.id);
        }
        model.change(
                JSON.writeValueAsString(rules.fitRules()),
                JSON.writeValueAsString(rules.behaviourRules()),
                rules.decayPercentPerWeek(),
                rules.mqlThreshold(),
                rules.sqlThreshold());
        models.flush();
        events.publishEvent(new ScoringRulesChanged(TenantContext.require()));
        return toRules(model);
    }

    @EventListener
    @Transactional
    void giveDefaults(WorkspaceCreated created) {
        models.save(fromRules(DefaultModel.rules()));
    }

    private static ScoringModel fromRules(ScoringRules rules) {
        return new ScoringModel(
                JSON.writeValueAsString(rules.fitRules()),
                JSON.writeValueAsString(rules.behaviourRules()),
                rules.decayPercentPerWeek(),
                rules.mqlThreshold(),
                rules.sqlThreshold());
    }

    private static ScoringRules toRules(ScoringModel model) {
        List<FitRule> fit = JSON.readValue(model.fitRules, new TypeReference<List<FitRule>>() {});
        List<BehaviourRule> behaviour =
                JSON.readValue(model.behaviourRules, new TypeReference<List<BehaviourRule>>() {});
        return new ScoringRules(
                fit, behaviour, model.decayPercentPerWeek, model.mqlThreshold, model.sqlThreshold, model.version);
    }
}
