package org.pipelinecrm.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A workspace's scoring model as the API and the settings page read and write it. */
public record ScoringRules(
        @NotNull List<@Valid FitRule> fitRules,
        @NotNull List<@Valid BehaviourRule> behaviourRules,
        @Min(0) @Max(100) int decayPercentPerWeek,
        int mqlThreshold,
        int sqlThreshold,
        long version) {

    public Scorecard scorecard() {
        return new Scorecard(this);
    }
}
