package org.pipelinecrm.lead;

import java.util.List;

/** What a bulk action did: how many leads changed, and each lead it left alone with the reason. */
public record BulkOutcome(int changed, List<Skipped> skipped) implements java.io.Serializable {

    /**
     * A lead left alone: {@code reason} in English; {@code messageKey} and {@code arguments} (null: none) say it
     * in the reader's language on the page.
     */
    public record Skipped(long leadId, String reason, String messageKey, List<Object> arguments)
            implements java.io.Serializable {

        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }
}
