package org.pipelinecrm.insight;

import org.pipelinecrm.tenant.WorkspaceTimeZoneChanged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rollups that count by day (closed deals, stage moves, lead cohorts) are counted again when a workspace
 * moves to another time zone, in the same transaction, so no dashboard mixes the two.
 */
@Component
class DayRollups {

    private final JdbcClient jdbc;

    DayRollups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(WorkspaceTimeZoneChanged changed) {
        jdbc.sql("select recount_day_rollups(?)")
                .param(changed.tenantId())
                .query((rs, n) -> 1)
                .list();
    }
}
