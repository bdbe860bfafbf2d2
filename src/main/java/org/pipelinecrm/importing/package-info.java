/** CSV import into any module that offers an {@link org.pipelinecrm.importing.ImportTarget} (leads now, opportunities later). */
@org.springframework.modulith.ApplicationModule(displayName = "Importing")
package org.pipelinecrm.importing;
