/** Custom fields: the fields a workspace adds to its leads, deals, accounts and contacts, their values and filters. */
@org.springframework.modulith.ApplicationModule(displayName = "Custom fields")
package org.pipelinecrm.customfield;
