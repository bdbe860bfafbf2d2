package org.pipelinecrm.forecast;

import java.math.BigDecimal;

/**
 * One scope's forecast for a period: won in the period ({@code closed}), and the open deals expected to close in
 * it by category ({@code commit}, {@code bestCase}, {@code pipeline}; omitted ones count nowhere), and those open
 * deals weighted by their stage's probability ({@code stageWeighted}, omitted ones included).
 */
public record Figures(
        BigDecimal closed, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline, BigDecimal stageWeighted) {

    public static final Figures NONE =
            new Figures(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    Figures plus(Figures o) {
        return new Figures(
                closed.add(o.closed),
                commit.add(o.commit),
                bestCase.add(o.bestCase),
                pipeline.add(o.pipeline),
                stageWeighted.add(o.stageWeighted));
    }

    /** What a call defaults to: what is won and what is committed. */
    public BigDecimal closedPlusCommit() {
        return closed.add(commit);
    }
}
