package org.pipelinecrm.activity;

import java.time.Instant;
import org.pipelinecrm.tenant.TenantEvent;

/** An activity was logged or changed on a record: counts as activity for rotting and stalled deals. */
public record ActivityLogged(
        long tenantId, long activityId, RecordType recordType, long recordId, ActivityKind kind, Instant occurredAt)
        implements TenantEvent {}
