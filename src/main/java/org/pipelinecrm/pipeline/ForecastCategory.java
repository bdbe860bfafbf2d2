package org.pipelinecrm.pipeline;

/**
 * Where a deal counts in the forecast. An open stage names one of the first four as its deals' default; a won
 * deal counts as {@code CLOSED}. {@code OMITTED} deals count nowhere (a lost deal is omitted).
 */
public enum ForecastCategory {
    PIPELINE,
    BEST_CASE,
    COMMIT,
    OMITTED,
    CLOSED;

    /** What a stage's deals count as when nobody chose: by the stage's probability of winning. */
    public static ForecastCategory byProbability(int probability) {
        return probability >= 80 ? COMMIT : probability >= 50 ? BEST_CASE : PIPELINE;
    }

    /** The categories a stage or a deal's owner may choose (closed is what winning makes a deal). */
    public boolean choosable() {
        return this != CLOSED;
    }
}
