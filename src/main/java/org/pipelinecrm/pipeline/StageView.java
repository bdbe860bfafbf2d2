package org.pipelinecrm.pipeline;

import java.util.List;

/** A stage as other modules see it. {@code rottingDays} null: deals never rot here. */
public record StageView(
        long id,
        long pipelineId,
        String name,
        StageKind kind,
        int position,
        int probability,
        Integer rottingDays,
        List<String> exitCriteria,
        ForecastCategory forecastCategory) {

    /** A stage whose forecast category follows its probability. */
    public StageView(
            long id,
            long pipelineId,
            String name,
            StageKind kind,
            int position,
            int probability,
            Integer rottingDays,
            List<String> exitCriteria) {
        this(
                id,
                pipelineId,
                name,
                kind,
                position,
                probability,
                rottingDays,
                exitCriteria,
                kind == StageKind.OPEN ? ForecastCategory.byProbability(probability) : ForecastCategory.OMITTED);
    }

    /** What a deal counts as in the forecast when it enters this stage and its owner chose nothing else. */
    public ForecastCategory dealCategory() {
        return kind == StageKind.WON ? ForecastCategory.CLOSED : forecastCategory;
    }

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }
}
