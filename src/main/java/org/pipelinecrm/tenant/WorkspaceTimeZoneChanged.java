package org.pipelinecrm.tenant;

import java.time.ZoneId;

/**
 * Published inside the transaction that gives a workspace another time zone: whatever counts by day (the
 * dashboard rollups) counts again, so the change and the new counts are seen together.
 */
public record WorkspaceTimeZoneChanged(long tenantId, ZoneId zone) implements TenantEvent {}
