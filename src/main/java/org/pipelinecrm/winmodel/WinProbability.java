package org.pipelinecrm.winmodel;

import java.util.List;

/**
 * How likely an open deal is to be won, in percent. {@code source} says where it comes from: the workspace's
 * trained model, or the stage's probability when there is no model (too little history). {@code factors} are the
 * model's largest contributions, in percentage points, most influential first (none for the stage).
 */
public record WinProbability(int value, List<Factor> factors, Source source) {

    public enum Source {
        MODEL,
        STAGE
    }

    /**
     * One factor: {@code factor} is its stable code (stage, stageTime, age, amount, source, industry, owner,
     * activity, bant.BUDGET…, level.ORGANIZATION…, cf.&lt;key&gt;), {@code label} its wording in the reader's language,
     * {@code points} the probability minus the probability with this factor at its average, in percentage points.
     */
    public record Factor(String factor, String label, int points) {}

    static WinProbability stage(int probability) {
        return new WinProbability(probability, List.of(), Source.STAGE);
    }
}
