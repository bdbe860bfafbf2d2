package org.pipelinecrm.scoring;

import org.pipelinecrm.tenant.TenantEvent;

/** The model changed: every lead of the workspace must be scored again (in the background). */
public record ScoringRulesChanged(long tenantId) implements TenantEvent {}
