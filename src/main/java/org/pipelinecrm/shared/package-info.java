/** What every module shares: layout and languages, dates and money, errors, rate limits, the database. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.pipelinecrm.shared;
