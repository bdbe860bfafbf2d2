/** Lead scoring: each workspace's model of fit and behaviour rules, and the pure scorecard that explains a score. */
@org.springframework.modulith.ApplicationModule(displayName = "Scoring")
package org.pipelinecrm.scoring;
