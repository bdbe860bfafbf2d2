package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.pipelinecrm.winmodel.WinProbability;

/**
 * The forecast of one scope for a period (see {@link Figures}); {@code target} null: no target covers it;
 * {@code calls}: the latest call of each person (and each team) in the scope for exactly this period, newest first;
 * {@code rolledUp}: the sum of the latest own calls of the scope's people (null: nobody called yet);
 * {@code modelWeighted}: the open deals expected in the period (omitted ones too) weighted by their win probability,
 * from the workspace's model ({@code modelWeightedSource} {@code MODEL}) or, while it has too little history, the
 * deal's probability ({@code STAGE}: its stage's win % unless changed on the deal).
 */
public record Forecast(
        LocalDate periodStart,
        LocalDate periodEnd,
        Long teamId,
        Long ownerId,
        BigDecimal closed,
        BigDecimal commit,
        BigDecimal bestCase,
        BigDecimal pipeline,
        BigDecimal stageWeighted,
        BigDecimal target,
        BigDecimal rolledUp,
        List<SubmissionView> calls,
        BigDecimal modelWeighted,
        WinProbability.Source modelWeightedSource) {}
