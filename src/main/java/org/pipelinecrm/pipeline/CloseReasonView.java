package org.pipelinecrm.pipeline;

/** A win or loss reason; {@code standard}: still its built-in label, which pages show translated. */
public record CloseReasonView(
        long id, StageKind outcome, String code, String label, boolean active, boolean standard, long version) {}
