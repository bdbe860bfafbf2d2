package org.pipelinecrm.opportunity;

import org.pipelinecrm.customfield.CustomFieldFilter;

/**
 * What the board shows: one pipeline, maybe one owner or team, maybe a text to find in deal names, and maybe
 * conditions on custom field values.
 */
public record BoardFilter(long pipelineId, Long ownerId, Long teamId, String text, CustomFieldFilter fields) {

    public BoardFilter(long pipelineId, Long ownerId, Long teamId, String text) {
        this(pipelineId, ownerId, teamId, text, CustomFieldFilter.none());
    }

    public BoardFilter {
        fields = fields == null ? CustomFieldFilter.none() : fields;
    }

    /** Whether the column totals must be summed from the matching deals (the kept totals know no text or values). */
    boolean narrowsDeals() {
        return (text != null && !text.isBlank()) || !fields.isEmpty();
    }
}
