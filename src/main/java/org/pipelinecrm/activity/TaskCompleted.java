package org.pipelinecrm.activity;

import java.time.Instant;
import org.pipelinecrm.tenant.TenantEvent;

/** A task was completed; {@code recordType}/{@code recordId} are null for a task without a record. */
public record TaskCompleted(long tenantId, long taskId, RecordType recordType, Long recordId, Instant completedAt)
        implements TenantEvent {}
