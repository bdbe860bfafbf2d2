/** The sales forecast: figures by forecast category per period, the calls reps and managers submit, their accuracy. */
@org.springframework.modulith.ApplicationModule(displayName = "Forecast")
package org.pipelinecrm.forecast;
