package org.pipelinecrm.forecast;

/** A call for a team from someone who does not manage it (answered 403 {@code forecast-not-team-manager}). */
public class NotTeamManagerException extends RuntimeException {

    public NotTeamManagerException(long teamId) {
        super("Not a manager of team " + teamId);
    }
}
