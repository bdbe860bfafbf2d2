package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The views modules publish for the dashboard show one workspace only, as their tables do. */
@IntegrationTest
class ReadViewsTest {

    static final List<String> PUBLISHED = List.of(
            "deal_facts",
            "deal_close_facts",
            "open_deal_facts",
            "stage_flow_facts",
            "lead_facts",
            "lead_cohort_facts",
            "pipeline_facts",
            "stage_facts",
            "close_reason_facts",
            "account_facts",
            "contact_facts",
            "person_facts");

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String appUser;

    @Value("${spring.datasource.password}")
    String appPassword;

    @Test
    void everyViewRunsWithTheReadersRights() {
        List<String> views = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'v'
                  and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                """).query(String.class).list();
        assertThat(views).containsAll(PUBLISHED);
        List<String> invoker = jdbc.sql("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'v' and 'security_invoker=true' = any (c.reloptions)
                """).query(String.class).list();
        assertThat(invoker).as("views declared security_invoker").containsExactlyInAnyOrderElementsOf(views);
    }

    @Test
    void anotherWorkspacesRowsStayInvisibleThroughEachView() throws SQLException {
        var mine = withHistory(1);
        var theirs = withHistory(2);

        try (Connection db = DriverManager.getConnection(url, appUser, appPassword)) {
            for (String view : PUBLISHED) {
                assertThat(count(db, "select count(*) from " + view))
                        .as("%s without a workspace", view)
                        .isZero();
                setTenant(db, theirs.id());
                assertThat(count(db, "select count(*) from " + view))
                        .as("%s of the other workspace", view)
                        .isPositive();
                setTenant(db, mine.id());
                assertThat(count(db, "select count(*) from " + view))
                        .as("%s of mine", view)
                        .isPositive();
                assertThat(count(db, "select count(*) from " + view + " where tenant_id <> " + mine.id()))
                        .as("%s rows of another workspace", view)
                        .isZero();
                db.commit(); // the workspace was entered for that transaction only
            }
        }
    }

    private TestWorkspaces.Workspace withHistory(long seed) {
        var ws = workspaces.create();
        workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> {
                    KnownPipeline k = new KnownPipeline(jdbc, ws.id(), seed);
                    k.deals(
                            30,
                            new long[] {ws.adminId()},
                            new Long[] {null},
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 6, 30));
                    k.leads(
                            20,
                            new long[] {ws.adminId()},
                            new Long[] {null},
                            LocalDate.of(2026, 1, 1),
                            LocalDate.of(2026, 6, 30));
                    return null;
                }));
        return ws;
    }

    /** As the app enters a workspace: transaction-local, the one form that also reaches Citus's workers. */
    private static void setTenant(Connection db, long tenant) throws SQLException {
        if (!db.getAutoCommit()) {
            db.commit();
        }
        db.setAutoCommit(false);
        db.createStatement().execute("SET LOCAL app.tenant_id = '" + tenant + "'");
    }

    private static long count(Connection db, String sql) throws SQLException {
        var rs = db.createStatement().executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }
}
