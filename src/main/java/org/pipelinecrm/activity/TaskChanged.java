package org.pipelinecrm.activity;

import org.pipelinecrm.tenant.TenantEvent;

/**
 * A task was added, edited, completed or reopened: the record's next step may have changed (ask
 * {@link Tasks#nextOpenTask}). Carries the record before and after, as an edit may move the task.
 */
public record TaskChanged(
        long tenantId,
        long taskId,
        RecordType recordType,
        Long recordId,
        RecordType previousRecordType,
        Long previousRecordId)
        implements TenantEvent {}
