package org.pipelinecrm.qualification;

/** Whether the prospect passed one qualification level (organization, opportunity, stakeholder). */
public enum LevelStatus {
    UNKNOWN,
    PASSED,
    FAILED
}
