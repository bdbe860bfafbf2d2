package org.pipelinecrm.importing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.sql.Timestamp;
import java.time.Instant;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An import can be undone for {@link Imports#UNDO_DAYS} only: every night what older imports wrote is dropped
 * from the undo ledger in every workspace (their undo is refused by then anyway). db-scheduler runs it on one app
 * instance only.
 */
@Configuration(proxyBeanMethods = false)
class ImportLedgerExpiry {

    @Bean
    RecurringTask<Void> importLedgerPurge(Workspaces workspaces, JdbcClient jdbc, TransactionTemplate tx) {
        return Tasks.recurring("import-ledger-purge", Schedules.cron("0 30 2 * * *"))
                .execute((instance, context) -> purge(workspaces, jdbc, tx, Instant.now()));
    }

    /** Drops the ledger entries of imports made before {@code now} less the undo's 30 days; returns how many. */
    static int purge(Workspaces workspaces, JdbcClient jdbc, TransactionTemplate tx, Instant now) {
        Timestamp before = Timestamp.from(now.minus(Imports.UNDO_DAYS));
        int purged = 0;
        for (long id : workspaces.allIds()) {
            purged += TenantContext.callAs(
                    id, () -> tx.execute(s -> jdbc.sql("""
                            delete from import_record r using import_job j
                             where r.tenant_id = ? and j.tenant_id = r.tenant_id and j.id = r.import_id
                               and j.created_at < ?
                            """).params(id, before).update()));
        }
        return purged;
    }
}
