package org.pipelinecrm.tenant;

/**
 * Published inside the transaction that creates a workspace; modules that give a new workspace its
 * defaults (a pipeline, scoring rules, reason lists) listen synchronously, so the workspace is whole
 * when sign-up answers.
 */
public record WorkspaceCreated(long tenantId, String name) implements TenantEvent {
}
