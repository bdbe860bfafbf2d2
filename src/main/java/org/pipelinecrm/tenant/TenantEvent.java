package org.pipelinecrm.tenant;

/** A domain event that names its workspace, so that listeners on other threads run in that workspace. */
public interface TenantEvent {

    long tenantId();
}
