package org.pipelinecrm.pipeline;

import java.util.List;
import java.util.Optional;

public record PipelineView(long id, String name, Long teamId, long version, List<StageView> stages) {

    public List<StageView> openStages() {
        return stages.stream().filter(StageView::isOpen).toList();
    }

    /** The stage deals of this outcome are closed into: the first of that kind. */
    public Optional<StageView> closingStage(StageKind kind) {
        return stages.stream().filter(s -> s.kind() == kind).findFirst();
    }
}
