package org.pipelinecrm.lead;

/**
 * Where web-form leads land: a team (its reps see them at once) and optionally an owner from that team; both
 * empty means the lead waits unassigned for a manager.
 */
public record WebFormRoute(Long teamId, Long ownerId, long version) {

    public static final WebFormRoute NONE = new WebFormRoute(null, null, 0);
}
