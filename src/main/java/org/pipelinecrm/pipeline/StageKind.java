package org.pipelinecrm.pipeline;

/** Whether a deal in the stage is still being worked, or closed won or lost. Set explicitly, never guessed from a name. */
public enum StageKind {
    OPEN,
    WON,
    LOST
}
