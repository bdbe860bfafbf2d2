package org.pipelinecrm.identity;

import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Ends a person's page sessions and remember-me tokens when their rights change. Both live in PostgreSQL,
 * so the person is signed out on every app instance at once, and the next sign-in reads the new rights.
 */
@Component
class OpenSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final JdbcClient jdbc;

    OpenSessions(FindByIndexNameSessionRepository<? extends Session> sessions, JdbcClient jdbc) {
        this.sessions = sessions;
        this.jdbc = jdbc;
    }

    /** Every session and remember-me token of the person. */
    void endAll(String email) {
        end(email, null);
    }

    /** Every session but the one making this request, and every remember-me token. */
    void endAllButCurrent(String email) {
        end(email, currentSessionId());
    }

    private void end(String email, String keep) {
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (!id.equals(keep)) {
                sessions.deleteById(id);
            }
        }
        jdbc.sql("delete from persistent_logins where lower(username) = lower(?)")
                .param(email)
                .update();
    }

    private static String currentSessionId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            HttpSession session = request.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
