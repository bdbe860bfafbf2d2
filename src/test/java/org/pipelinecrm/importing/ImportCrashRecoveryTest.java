package org.pipelinecrm.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An instance killed in the middle of an import leaves the job RUNNING and its execution picked by a dead
 * scheduler: another instance finds the execution by its missing heartbeats and the import goes on after
 * its last committed chunk — the rows written before the crash are neither written again nor duplicated.
 */
@IntegrationTest
class ImportCrashRecoveryTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Imports imports;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    @Qualifier("csvImport")
    OneTimeTask<Imports.Run> task;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private static final String HEADER = "externalId,firstName,lastName,email,company\n";
    private static final String FIRST = "c-1,Sara,Ahmadi,sara@crash.test,Acme\nc-2,Ali,Rezaei,ali@crash.test,Beta\n";
    private static final String REST = "c-3,Mina,Karimi,mina@crash.test,Gamma\nc-4,Reza,Nouri,reza@crash.test,Delta\n";

    @Test
    void anImportCutByACrashResumesAfterItsLastChunkWithoutDuplicates() {
        var ws = workspaces.create();
        // what the killed run had committed: the first two rows, and its progress with them
        long before =
                workspaces.as(ws.adminEmail(), () -> imports.start("leads", "first.csv", bytes(HEADER + FIRST), null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> status(ws, before).status().equals("DONE"));
        long id =
                workspaces.as(ws.adminEmail(), () -> imports.upload("leads", "all.csv", bytes(HEADER + FIRST + REST)));
        workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> jdbc.sql("update import_job set status = 'RUNNING',"
                                + " total = 4, processed = 2, imported = 2 where id = ?")
                        .param(id)
                        .update()));
        // its execution, picked by an instance that stopped sending heartbeats an hour ago
        scheduler.schedule(
                task.instance("import-" + id, new Imports.Run(ws.id(), id, ws.adminEmail())),
                Instant.now().plus(Duration.ofDays(1)));
        jdbc.sql("update scheduled_tasks set picked = true, picked_by = 'killed-instance',"
                        + " execution_time = now() - interval '1 hour', last_heartbeat = now() - interval '1 hour'"
                        + " where task_name = 'csv-import' and task_instance = ?")
                .param("import-" + id)
                .update();

        await().atMost(Duration.ofSeconds(60))
                .until(() -> status(ws, id).status().equals("DONE"));
        ImportStatus done = status(ws, id);
        assertThat(done.processed()).isEqualTo(4);
        assertThat(done.imported())
                .as("rows 3 and 4 imported now, 1 and 2 before the crash")
                .isEqualTo(4);
        assertThat(done.updated())
                .as("the rows written before the crash are not imported again")
                .isZero();
        long leads = workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> jdbc.sql("select count(*) from lead where email like '%@crash.test'")
                        .query(Long.class)
                        .single()));
        assertThat(leads).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                        .param("import-" + id)
                        .query(Long.class)
                        .single())
                .as("nothing is left claiming to run")
                .isZero();
    }

    private ImportStatus status(TestWorkspaces.Workspace ws, long id) {
        return workspaces.as(ws.adminEmail(), () -> imports.status(id));
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }
}
