package org.pipelinecrm.lead;

import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

/** Checks that the owner and team a lead is given belong to the workspace, before anything changes. */
@Component
class Assignees {

    private final Validator validator;
    private final org.pipelinecrm.identity.People people;

    Assignees(Validator validator, org.pipelinecrm.identity.People people) {
        this.validator = validator;
        this.people = people;
    }

    /** {@link #check}, and the owner is given a lead anew: a former rep is refused (400 on {@code ownerId}). */
    void checkNewOwner(Long ownerId, Long teamId) {
        check(ownerId, teamId);
        if (ownerId != null) {
            people.owner(ownerId);
        }
    }

    record Assignment(
            @WorkspacePerson Long ownerId, @WorkspaceTeam Long teamId) {}

    /** {@link UnknownAssigneeException} for an owner or team (either may be null: not given) of no one here. */
    void check(Long ownerId, Long teamId) {
        var violations = validator.validate(new Assignment(ownerId, teamId));
        if (!violations.isEmpty()) {
            throw new UnknownAssigneeException(violations);
        }
    }
}
