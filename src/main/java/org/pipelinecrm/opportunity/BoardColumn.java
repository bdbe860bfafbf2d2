package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.pipeline.StageKind;

/** One column of the board: the totals of the whole column, and one page of its cards. */
public record BoardColumn(
        long stageId,
        String name,
        StageKind kind,
        long count,
        BigDecimal amount,
        BigDecimal weightedAmount,
        Integer rottingDays,
        List<Card> items,
        String nextCursor) {

    /** A card; {@code nextStep} is the deal's earliest open task, null when it has none (the card is flagged). */
    public record Card(
            long id,
            String name,
            Long accountId,
            String accountName,
            BigDecimal amount,
            long ownerId,
            String ownerName,
            int probability,
            Instant stageEnteredAt,
            long daysInStage,
            boolean rotting,
            long version,
            NextStep nextStep,
            org.pipelinecrm.pipeline.ForecastCategory forecastCategory,
            boolean forecastCategoryOverridden) {

        Card withNextStep(NextStep step) {
            return new Card(
                    id,
                    name,
                    accountId,
                    accountName,
                    amount,
                    ownerId,
                    ownerName,
                    probability,
                    stageEnteredAt,
                    daysInStage,
                    rotting,
                    version,
                    step,
                    forecastCategory,
                    forecastCategoryOverridden);
        }
    }

    /** What the deal's earliest open task asks, and when; overdue once its due time has passed. */
    public record NextStep(long taskId, String title, Instant dueAt, boolean overdue) {}

    /** This column with each card's next step from the map (by deal id); cards absent from it have none. */
    BoardColumn withNextSteps(Map<Long, NextStep> steps) {
        return new BoardColumn(
                stageId,
                name,
                kind,
                count,
                amount,
                weightedAmount,
                rottingDays,
                items.stream().map(c -> c.withNextStep(steps.get(c.id()))).toList(),
                nextCursor);
    }

    public record Totals(long stageId, long count, BigDecimal amount, BigDecimal weightedAmount) {}
}
