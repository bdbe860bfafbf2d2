package org.pipelinecrm.activity;

import java.time.Instant;

/** A record's next step: its earliest open task. */
public record NextStep(long recordId, long taskId, String title, Instant dueAt, boolean overdue) {}
