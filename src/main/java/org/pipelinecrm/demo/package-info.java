/** The demo workspace a newcomer sees on first start: people, a pipeline, leads and deals of the past year. */
@org.springframework.modulith.ApplicationModule(displayName = "Demo")
package org.pipelinecrm.demo;
