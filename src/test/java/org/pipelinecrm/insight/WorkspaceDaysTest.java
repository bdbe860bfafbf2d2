package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A day on the dashboard is a day where the workspace is, not in UTC. */
@IntegrationTest
class WorkspaceDaysTest {

    static final MetricsFilter MARCH =
            new MetricsFilter(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), null, null, null);
    static final MetricsFilter APRIL =
            new MetricsFilter(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), null, null, null);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Workspaces settings;

    @Autowired
    Metrics metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aDealWonJustAfterMidnightInTehranCountsOnThatTehranDayAndMovesWhenTheZoneChanges() {
        var ws = workspaces.create();
        zone(ws, "Asia/Tehran");
        // 00:30 on 1 April in Tehran is still 31 March in UTC
        Instant firstOfApril = Instant.parse("2026-03-31T21:00:00Z");
        workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> new KnownPipeline(jdbc, ws.id(), 7)
                        .wonFromLead(
                                ws.adminId(),
                                "Referral",
                                firstOfApril,
                                Instant.parse("2026-03-02T08:00:00Z"),
                                firstOfApril,
                                new BigDecimal("7000.00"))));

        assertCounted(ws, APRIL, 1);
        assertCounted(ws, MARCH, 0);

        zone(ws, "UTC");
        assertCounted(ws, MARCH, 1);
        assertCounted(ws, APRIL, 0);
    }

    @Test
    void aZoneChangeWaitsForTheWritesUnderWayAndCountsThemOnce() throws Exception {
        var ws = workspaces.create();
        var written = new java.util.concurrent.CountDownLatch(1);
        var committed = new java.util.concurrent.atomic.AtomicLong();
        // someone imports leads and is still in their transaction while the admin changes the time zone
        var writer = java.util.concurrent.CompletableFuture.runAsync(() -> workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> {
                    // ids drawn first, rows through the workspace's row: as the import writes them (Citus too)
                    String ids = jdbc.sql("select '{' || string_agg(nextval('lead_seq')::text, ',') || '}'"
                                    + " from generate_series(1, 25)")
                            .query(String.class)
                            .single();
                    jdbc.sql("""
                            insert into lead (tenant_id, id, last_name, type, status, source, created_at)
                            select w.id, (cast(:ids as bigint[]))[g], 'Lead ' || g, 'UNQUALIFIED', 'NEW', 'Event', now()
                            from workspace_facts w, generate_series(1, 25) g
                            where w.id = :tenant
                            """).param("ids", ids).param("tenant", ws.id()).update();
                    written.countDown();
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    committed.set(System.nanoTime());
                    return null;
                })));
        written.await();
        zone(ws, "Asia/Tehran");
        long changed = System.nanoTime();
        writer.get();

        assertThat(changed).as("the recount waited for the import under way").isGreaterThan(committed.get());
        long counted = workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> jdbc.sql("select coalesce(sum(leads), 0) from lead_cohort_day")
                        .query(Long.class)
                        .single()));
        assertThat(counted).as("each lead counted once").isEqualTo(25);
    }

    private void assertCounted(TestWorkspaces.Workspace ws, MetricsFilter month, int deals) {
        MetricsReport r = workspaces.as(ws.adminEmail(), () -> metrics.report(month, CurrentUser.actor()));
        String in = " in " + month.from().getMonth();
        assertThat(r.wonDeals()).as("won deals" + in).isEqualTo(deals);
        assertThat(r.wonAmount()).as("won amount" + in).isEqualByComparingTo(deals == 0 ? "0" : "7000");
        assertThat(r.bySource().stream().mapToLong(MetricsReport.Breakdown::won).sum())
                .as("won by source" + in)
                .isEqualTo(deals);
        assertThat(r.byStage().stream()
                        .mapToLong(MetricsReport.StageFigures::exited)
                        .sum())
                .as("stage exits" + in)
                .isEqualTo(deals);
        assertThat(r.funnel().get(0).count()).as("leads created" + in).isEqualTo(deals);
        assertThat(r.funnel().get(4).count()).as("leads won" + in).isEqualTo(deals);
    }

    private void zone(TestWorkspaces.Workspace ws, String zone) {
        workspaces.as(ws.adminEmail(), () -> {
            var now = settings.current();
            return settings.changeSettings(now.name(), now.currency(), ZoneId.of(zone), now.version());
        });
    }
}
