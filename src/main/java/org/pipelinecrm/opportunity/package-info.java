/** Deals being worked: opportunities, their moves through a pipeline's stages, and the board sales reps live in. */
@org.springframework.modulith.ApplicationModule(displayName = "Opportunities")
package org.pipelinecrm.opportunity;
