package org.pipelinecrm.insight;

import java.math.BigDecimal;

/** An open deal that has sat in its stage longer than the stage's rotting days. */
public record StalledDeal(
        long id, String name, BigDecimal amount, long ownerId, String stageName, long daysInStage, int rottingDays) {}
