/** Webhooks: subscriptions to the workspace's events, an outbox written with each change, and signed deliveries. */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package org.pipelinecrm.webhook;
