package org.pipelinecrm.tenant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Row-level security does not bind superusers or roles that bypass it: say so, loudly. */
@Component
class SuperuserWarning {

    private static final Logger log = LoggerFactory.getLogger(SuperuserWarning.class);

    private final JdbcClient jdbc;

    SuperuserWarning(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        boolean unbound = jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
                .query(Boolean.class)
                .single();
        if (unbound) {
            log.warn("""

                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
                    !! The application is connected to PostgreSQL as a SUPERUSER (or a role   !!
                    !! with BYPASSRLS). Row-level security does NOT apply: workspaces are not !!
                    !! isolated by the database. Connect as a role that owns nothing.        !!
                    !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!""");
        }
    }
}
