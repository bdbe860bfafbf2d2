/** Workspaces (tenants): their settings, and the tenant context that every query runs under. */
@org.springframework.modulith.ApplicationModule(displayName = "Tenant")
package org.pipelinecrm.tenant;
