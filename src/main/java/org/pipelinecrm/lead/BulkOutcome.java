package org.pipelinecrm.lead;

import java.util.List;

/** What a bulk action did: how many leads changed, and each lead it left alone with the reason. */
public record BulkOutcome(int changed, List<Skipped> skipped) {

    public record Skipped(long leadId, String reason) {
    }
}
