/** Stage automations: rules that act when a deal enters a stage, is won or lost, or a lead reaches a status. */
@org.springframework.modulith.ApplicationModule(displayName = "Automations")
package org.pipelinecrm.automation;
