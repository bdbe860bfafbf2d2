package org.pipelinecrm.opportunity;

import java.time.Instant;

/** A deal entered a stage: opened into it ({@code fromStageId} empty), moved, closed or re-opened. */
record DealStageChanged(Opportunity deal, Long fromStageId, long toStageId, long by, Instant at) {}
