package org.pipelinecrm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;

/**
 * A database made by the last release (its versioned migrations, named with their SHA-256 in
 * {@code db/releases/2026-11.sha256}; today's files must still match them) and filled with a
 * workspace's deals and leads is migrated by today's Flyway configuration: it then has what a new database has,
 * its rollups still equal what its deals and leads add up to, and the triggers keep them as deals move on.
 * Runs on a database of its own on this JVM's embedded server.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReleaseUpgradeTest {

    static final String RELEASE = "db/releases/2026-11.sha256";
    static final String DATABASE = "crm_release_upgrade";
    static final long WORKSPACE = 71;
    /** Past the integer range: a lock or cast that narrows workspace ids to integers fails on it. */
    static final long LARGE_WORKSPACE = 3_000_000_001L;

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource app;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.flyway.user}")
    String owner;

    @Value("${spring.flyway.password}")
    String ownerPassword;

    @Value("${crm.embedded-db.superuser-password}")
    String superuserPassword;

    String upgradeUrl;

    @BeforeAll
    void releaseDatabaseUpgradedToToday() throws Exception {
        upgradeUrl = url.substring(0, url.lastIndexOf('/') + 1) + DATABASE;
        // the embedded server's superuser makes the database; the owner role cannot
        try (Connection admin = DriverManager.getConnection(
                        url.substring(0, url.lastIndexOf('/') + 1) + "postgres", "postgres", superuserPassword);
                Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + owner);
        }
        migrate("filesystem:" + releasedMigrations());
        try (Connection db = ownerConnection();
                Statement sql = db.createStatement()) {
            sql.execute(
                    new ClassPathResource("db/releases/2026-11-data.sql").getContentAsString(StandardCharsets.UTF_8));
        }
        migrate(null);
    }

    @Test
    void everyMigrationOfTodayIsAppliedAndTheReleasedOnesAreUnchanged() {
        // validation on migrate compares each released file's checksum: an edited V-file fails the upgrade itself
        var info = today().info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied())
                .filteredOn(m -> m.getVersion() == null)
                .isNotEmpty()
                .allMatch(m -> m.getState() == MigrationState.SUCCESS);
    }

    @Test
    void theUpgradedSchemaIsTheSchemaOfANewDatabase() throws SQLException {
        try (Connection upgraded = ownerConnection();
                Connection fresh = app.getConnection()) {
            for (String query : SCHEMA) {
                assertThat(rows(upgraded, query)).as(query).isEqualTo(rows(fresh, query));
            }
        }
    }

    @Test
    void rollupsEqualWhatTheDealsAndLeadsAddUpToAndTriggersKeepThemAsDealsMove() throws SQLException {
        try (Connection db = ownerConnection()) {
            inWorkspace(db, WORKSPACE);
            assertThat(rows(db, "select count(*) from deal_close_day")).isNotEqualTo(List.of("0"));
            assertRollupsRecount(db);

            // a move, a win and a new lead after the upgrade
            db.setAutoCommit(false);
            inWorkspace(db, WORKSPACE);
            List<String> proposeBefore = rows(db, OPEN_IN_PROPOSE);
            execute(db, "update opportunity set stage_id = 2, probability = 50, stage_entered_at = now() where id = 4");
            execute(
                    db,
                    "insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by,"
                            + " changed_at) values (71, 1001, 4, 1, 2, 1, now())");
            execute(
                    db,
                    "update opportunity set stage_id = 4, status = 'WON', probability = 100, closed_at = now(),"
                            + " stage_entered_at = now() where id = 2");
            execute(
                    db,
                    "insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by,"
                            + " changed_at) values (71, 1002, 2, 3, 4, 2, now())");
            execute(
                    db,
                    "insert into lead (tenant_id, id, last_name, type, status, owner_id) values (71, 100, 'After',"
                            + " 'MQL', 'NEW', 2)");
            db.commit();
            inWorkspace(db, WORKSPACE);
            assertThat(rows(db, OPEN_IN_PROPOSE)).isNotEqualTo(proposeBefore);
            assertRollupsRecount(db);
            db.rollback();
        }
    }

    @Test
    void aWorkspaceWhoseIdIsPastTheIntegerRangeWritesAndRecounts() throws SQLException {
        try (Connection db = ownerConnection()) {
            db.setAutoCommit(false);
            inWorkspace(db, LARGE_WORKSPACE);
            execute(
                    db,
                    "insert into workspace (id, name, time_zone, form_key) values (" + LARGE_WORKSPACE
                            + ", 'Large', 'Asia/Tehran', 'large-form')");
            execute(
                    db,
                    "insert into app_user (tenant_id, id, email, name, password_hash, role) values (" + LARGE_WORKSPACE
                            + ", 1, 'admin@large.example', 'Admin', '-', 'ADMIN')");
            execute(db, "insert into pipeline (tenant_id, id, name) values (" + LARGE_WORKSPACE + ", 1, 'Sales')");
            execute(
                    db,
                    "insert into stage (tenant_id, id, pipeline_id, name, kind, position, probability) values ("
                            + LARGE_WORKSPACE + ", 1, 1, 'Qualify', 'OPEN', 1, 10)");
            execute(
                    db,
                    "insert into opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability,"
                            + " owner_id, opened_at, stage_entered_at) values (" + LARGE_WORKSPACE
                            + ", 1, 'Big', 1, 1, 'OPEN', 500, 10, 1, now(), now())");
            execute(
                    db,
                    "insert into lead (tenant_id, id, last_name, type, status) values (" + LARGE_WORKSPACE
                            + ", 1, 'Large', 'MQL', 'NEW')");
            execute(db, "update lead set source = 'Webinar' where id = 1");
            execute(db, "select recount_day_rollups(" + LARGE_WORKSPACE + ")");
            assertThat(rows(db, "select deals from open_deal_stage")).containsExactly("1");
            db.commit();
        }
    }

    @Test
    void aRecountHoldsBackTheWorkspacesWritesAndNoOtherWorkspaces() throws SQLException {
        try (Connection recount = ownerConnection();
                Connection writer = ownerConnection()) {
            recount.setAutoCommit(false);
            inWorkspace(recount, WORKSPACE);
            execute(recount, "select recount_day_rollups(" + WORKSPACE + ")");

            // before the transaction: a setting made inside it would be rolled back with the first refused write
            execute(writer, "set lock_timeout = '300ms'");
            writer.setAutoCommit(false);
            inWorkspace(writer, WORKSPACE);
            for (String write : List.of(
                    "update opportunity set amount = amount + 1 where id = 5",
                    "insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by,"
                            + " changed_at) values (71, 2001, 5, 2, 3, 1, now())",
                    "insert into lead (tenant_id, id, last_name, type, status) values (71, 2001, 'Held', 'MQL', 'NEW')",
                    "update lead set owner_id = 2 where id = 9")) {
                assertThatThrownBy(() -> execute(writer, write)).as(write).hasMessageContaining("lock timeout");
                writer.rollback();
                inWorkspace(writer, WORKSPACE);
            }
            execute(writer, "update lead set score = 5 where id = 9");
            writer.rollback();
            inWorkspace(writer, LARGE_WORKSPACE);
            execute(writer, "update opportunity set amount = amount + 1");
            writer.rollback();
            recount.rollback();
        }
    }

    static final String OPEN_IN_PROPOSE =
            "select deals || ' ' || amount from open_deal_stage where stage_id = 2" + " order by owner_id, team_id";

    static final List<String> SCHEMA = List.of(
            "select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' '"
                    + " || coalesce(column_default, '') from information_schema.columns where table_schema = 'public'"
                    + " and table_name <> 'flyway_schema_history' order by 1",
            "select indexdef from pg_indexes where schemaname = 'public' and tablename <> 'flyway_schema_history'"
                    + " order by 1",
            "select tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') from pg_policies"
                    + " order by 1",
            "select c.relname || ' ' || c.relrowsecurity || ' ' || c.relforcerowsecurity from pg_class c"
                    + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public' and c.relkind = 'r'"
                    + " and c.relname <> 'flyway_schema_history' order by 1",
            "select pg_get_functiondef(p.oid) from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                    + " where n.nspname = 'public' order by p.proname, 1",
            "select tgrelid::regclass || ' ' || pg_get_triggerdef(oid) from pg_trigger where not tgisinternal"
                    + " order by 1",
            "select conrelid::regclass || ' ' || pg_get_constraintdef(oid) from pg_constraint"
                    + " where connamespace = 'public'::regnamespace and conrelid::regclass::text"
                    + " <> 'flyway_schema_history' order by 1");

    /** The trigger-kept rollups of the workspace against the same rollups counted again from its rows. */
    private static void assertRollupsRecount(Connection db) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        inWorkspace(db, WORKSPACE);
        List<List<String>> kept = rollups(db);
        execute(db, "select rebuild_deal_day_rollups(" + WORKSPACE + "), rebuild_lead_cohort_days(" + WORKSPACE + ")");
        List<List<String>> counted = rollups(db);
        db.rollback();
        db.setAutoCommit(autoCommit);
        assertThat(kept).isEqualTo(counted);
        assertThat(kept).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    }

    private static List<List<String>> rollups(Connection db) throws SQLException {
        return List.of(
                rows(
                        db,
                        "select day || ' ' || pipeline_id || ' ' || owner_id || ' ' || team_id || ' ' || status || ' '"
                                + " || deals || ' ' || amount || ' ' || age_seconds from deal_close_day where deals <> 0"
                                + " order by 1"),
                rows(
                        db,
                        "select day || ' ' || stage_id || ' ' || owner_id || ' ' || team_id || ' ' || entered || ' '"
                                + " || exited || ' ' || exited_forward || ' ' || seconds_in_stage from stage_exit_day"
                                + " where entered <> 0 or exited <> 0 order by 1"),
                rows(
                        db,
                        "select day || ' ' || owner_id || ' ' || team_id || ' ' || source || ' ' || leads || ' ' || mql"
                                + " || ' ' || sql || ' ' || converted || ' ' || won from lead_cohort_day"
                                + " where leads <> 0 or won <> 0 order by 1"),
                // the open rollups have no recount: the open deals themselves are the recount
                difference(
                        db,
                        "select pipeline_id, stage_id, owner_id, team_id, deals, amount, weighted"
                                + " from open_deal_stage where deals <> 0",
                        "select pipeline_id, stage_id, owner_id, coalesce(team_id, 0), count(*), sum(amount),"
                                + " sum(amount * probability / 100.0) from opportunity where status = 'OPEN'"
                                + " group by 1, 2, 3, 4"),
                difference(
                        db,
                        "select pipeline_id, stage_id, owner_id, team_key, sum(deals), sum(amount),"
                                + " sum(amount_x_prob) from stage_total group by 1, 2, 3, 4 having sum(deals) <> 0",
                        "select pipeline_id, stage_id, owner_id, coalesce(team_id, 0), count(*), sum(amount),"
                                + " sum(amount * probability) from opportunity where status = 'OPEN'"
                                + " group by 1, 2, 3, 4"),
                rows(db, "select count(*) from opportunity where status = 'OPEN'"));
    }

    /** Rows in one query and not the other, either way: empty when both hold the same rows. */
    private static List<String> difference(Connection db, String kept, String counted) throws SQLException {
        List<String> rows = rows(
                db,
                "select 'only kept ' || k::text from ((" + kept + ") except (" + counted + ")) k"
                        + " union all select 'only counted ' || c::text from ((" + counted + ") except (" + kept
                        + ")) c");
        return rows.isEmpty() ? List.of("same") : rows;
    }

    /**
     * The release's migrations, copied from today's folder into one of their own after checking each is byte for
     * byte what the release shipped: a released migration never changes.
     */
    private static Path releasedMigrations() throws IOException {
        Path folder = Files.createTempDirectory("crm-release-");
        for (String line : new ClassPathResource(RELEASE)
                .getContentAsString(StandardCharsets.UTF_8)
                .split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] entry = line.trim().split("\\s+");
            byte[] content = new ClassPathResource("db/migration/" + entry[1]).getContentAsByteArray();
            assertThat(HexFormat.of().formatHex(sha256(content)))
                    .as("released migration %s is unchanged", entry[1])
                    .isEqualTo(entry[0]);
            Files.write(folder.resolve(entry[1]), content);
        }
        return folder;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void migrate(String locations) {
        var configuration = Flyway.configure()
                .configuration(flyway.getConfiguration())
                .dataSource(upgradeUrl, owner, ownerPassword);
        if (locations != null) {
            configuration.locations(locations);
        }
        configuration.load().migrate();
    }

    private Flyway today() {
        return Flyway.configure()
                .configuration(flyway.getConfiguration())
                .dataSource(upgradeUrl, owner, ownerPassword)
                .load();
    }

    private Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(upgradeUrl, owner, ownerPassword);
    }

    private static void inWorkspace(Connection db, long workspace) throws SQLException {
        execute(db, "select set_config('app.tenant_id', '" + workspace + "', " + !db.getAutoCommit() + ")");
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(Connection db, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = db.createStatement();
                var result = statement.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
