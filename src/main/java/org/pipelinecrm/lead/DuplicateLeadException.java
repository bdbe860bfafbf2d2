package org.pipelinecrm.lead;

import org.pipelinecrm.shared.ConflictException;

/** A new lead looks like one the workspace already has; carries that lead's id. */
public class DuplicateLeadException extends ConflictException {

    private final long existingId;

    DuplicateLeadException(long existingId) {
        super(
                "lead.duplicate",
                "A lead with the same e-mail, or the same company and name, already exists: " + existingId,
                existingId);
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("existingId", existingId);
    }
}
