/** In-app notifications: what the app tells a person (a paused webhook, an automation's note), read in the app. */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.pipelinecrm.notification;
