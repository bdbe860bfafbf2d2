package org.pipelinecrm.opportunity;

import java.util.Map;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.Role;

/**
 * Which deals a person sees: admins all; a manager the deals of their team (a manager without a team leads the
 * whole sales force and sees all); everyone else their own deals and their team's.
 */
final class DealScope {

    private DealScope() {}

    static boolean seesAll(CrmUser me) {
        return me.is(Role.ADMIN) || (me.is(Role.MANAGER) && me.teamId() == null);
    }

    static boolean canSee(CrmUser me, long ownerId, Long teamId) {
        return seesAll(me)
                || ownerId == me.id()
                || (me.teamId() != null && me.teamId().equals(teamId));
    }

    static boolean canSee(Actor me, long ownerId, Long teamId) {
        boolean seesAll = me.is(Role.ADMIN) || (me.is(Role.MANAGER) && me.teamId() == null);
        return seesAll
                || ownerId == me.id()
                || (me.teamId() != null && me.teamId().equals(teamId));
    }

    /**
     * The rule as an SQL condition on the given owner and team columns ({@code teamColumn} may hold 0 for no
     * team); empty when the person sees every deal.
     */
    static String sql(CrmUser me, String ownerColumn, String teamColumn, Map<String, Object> params) {
        if (seesAll(me)) {
            return "";
        }
        params.put("scopeMe", me.id());
        if (me.teamId() == null) {
            return " and " + ownerColumn + " = :scopeMe";
        }
        params.put("scopeTeam", me.teamId());
        return " and (" + ownerColumn + " = :scopeMe or " + teamColumn + " = :scopeTeam)";
    }
}
