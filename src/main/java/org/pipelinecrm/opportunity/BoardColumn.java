package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.pipelinecrm.pipeline.StageKind;

/** One column of the board: the totals of the whole column, and one page of its cards. */
public record BoardColumn(long stageId, String name, StageKind kind, long count, BigDecimal amount,
        BigDecimal weightedAmount, Integer rottingDays, List<Card> items, String nextCursor) {

    public record Card(long id, String name, Long accountId, String accountName, BigDecimal amount, long ownerId,
            String ownerName, int probability, Instant stageEnteredAt, long daysInStage, boolean rotting,
            long version) {
    }

    public record Totals(long stageId, long count, BigDecimal amount, BigDecimal weightedAmount) {
    }
}
