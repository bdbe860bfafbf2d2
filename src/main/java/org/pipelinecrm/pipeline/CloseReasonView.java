package org.pipelinecrm.pipeline;

public record CloseReasonView(StageKind outcome, String code, String label) {
}
