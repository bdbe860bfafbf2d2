/** Qualifying leads with BANT at three levels, the guiding questions, and converting qualified leads into deals. */
@org.springframework.modulith.ApplicationModule(displayName = "Qualification")
package org.pipelinecrm.qualification;
