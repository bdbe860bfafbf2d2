package org.pipelinecrm.webhook;

import java.util.List;

/** The event types a webhook may subscribe to: public names, never renamed. */
public final class WebhookEvents {

    public static final List<String> ALL = List.of(
            "lead.created",
            "lead.updated",
            "lead.handed_off",
            "lead.accepted",
            "lead.rejected",
            "lead.converted",
            "opportunity.created",
            "opportunity.updated",
            "opportunity.stage_changed",
            "opportunity.won",
            "opportunity.lost",
            "activity.logged",
            "task.completed");

    /** Sent only on request, to the one subscription being tried out. */
    static final String TEST = "webhook.test";

    private WebhookEvents() {}
}
