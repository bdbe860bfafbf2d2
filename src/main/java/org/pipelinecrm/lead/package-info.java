/** Leads: capture, duplicates, lifecycle, scoring on change, and the marketing → sales handoff with reasons. */
@org.springframework.modulith.ApplicationModule(displayName = "Leads")
package org.pipelinecrm.lead;
