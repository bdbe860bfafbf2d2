package org.pipelinecrm.activity;

public enum TaskPriority {
    LOW,
    NORMAL,
    HIGH
}
