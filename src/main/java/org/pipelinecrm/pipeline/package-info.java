/** Pipelines a deal travels through, their stages (open, won, lost) and the reasons deals are won or lost. */
@org.springframework.modulith.ApplicationModule(displayName = "Pipelines")
package org.pipelinecrm.pipeline;
