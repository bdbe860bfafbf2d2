package org.pipelinecrm.qualification;

import java.util.List;
import java.util.stream.Collectors;
import org.pipelinecrm.shared.ConflictException;

/**
 * Converting a lead that still has blockers: 409 with the blockers in the API (English message and codes), a message
 * in the reader's language on the page.
 */
public class NotQualifiedException extends ConflictException {

    private final List<Blocker> blockers;

    NotQualifiedException(List<Blocker> blockers) {
        super(
                "qualification.notQualified.detail",
                "The lead is not qualified: "
                        + blockers.stream().map(Blocker::message).collect(Collectors.joining(", ")),
                Blocker.worded(blockers));
        this.blockers = blockers;
    }

    public List<Blocker> getBlockers() {
        return blockers;
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("blockers", getBlockers());
    }
}
