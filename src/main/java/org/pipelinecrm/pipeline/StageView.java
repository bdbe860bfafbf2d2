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
        List<String> exitCriteria) {

    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }
}
