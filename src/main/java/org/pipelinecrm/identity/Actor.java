package org.pipelinecrm.identity;

import java.util.Objects;

/**
 * The person a piece of work is done for, as services take it in their commands: resolved once at the web edge
 * from the signed-in person ({@link CurrentUser#actor()}, or a controller parameter of this type), and by
 * schedulers and listeners from the person the work belongs to. Services never read the security context.
 */
public record Actor(long id, long tenantId, Role role, Long teamId) {

    public Actor {
        Objects.requireNonNull(role, "role");
    }

    public static Actor of(CrmUser user) {
        return new Actor(user.id(), user.tenantId(), user.role(), user.teamId());
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Managers and admins see the whole workspace; reps and marketers see their own and their team's. */
    public boolean seesWholeWorkspace() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }
}
