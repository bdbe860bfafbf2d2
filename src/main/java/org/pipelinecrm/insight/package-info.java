/** What managers read: revenue targets and their periods, pipeline metrics, forecast and dashboards. */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.pipelinecrm.insight;
