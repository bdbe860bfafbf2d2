package org.pipelinecrm.activity;

import java.time.Instant;

/** A task as the API and pages show it. */
public record TaskView(long id, String title, Instant dueAt, TaskPriority priority, long assigneeId, long createdBy,
        RecordType recordType, Long recordId, boolean completed, Instant completedAt, long version) {
}
