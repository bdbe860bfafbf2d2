package org.pipelinecrm.activity;

import java.time.Instant;

/** A task as the API and pages show it. */
public record TaskView(
        long id,
        String title,
        Instant dueAt,
        TaskPriority priority,
        long assigneeId,
        long createdBy,
        RecordType recordType,
        Long recordId,
        boolean completed,
        Instant completedAt,
        long version) {

    /** The key of the record this task is about in {@link Tasks#recordsOf}, or null for a task on its own. */
    public String recordKey() {
        return recordType == null ? null : LinkedRecords.key(recordType, recordId);
    }
}
