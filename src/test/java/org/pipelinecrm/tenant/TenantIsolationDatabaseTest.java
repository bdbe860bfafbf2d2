package org.pipelinecrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The database itself keeps workspaces apart, whatever the application code does. */
@IntegrationTest
class TenantIsolationDatabaseTest {

    @Autowired
    TestWorkspaces workspaces;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String appUser;

    @Value("${spring.datasource.password}")
    String appPassword;

    @Test
    void theAppRoleSeesNoRowsWithoutAWorkspaceAndOnlyItsOwnWithOne() throws SQLException {
        var a = workspaces.create();
        var b = workspaces.create();
        workspaces.addPerson(a, Role.SALES_REP, null);
        workspaces.addPerson(b, Role.SALES_REP, null);

        try (Connection db = DriverManager.getConnection(url, appUser, appPassword)) {
            assertThat(count(db, "select count(*) from app_user")).isZero();
            assertThat(count(db, "select count(*) from workspace")).isZero();

            setTenant(db, a.id());
            assertThat(tenantsOf(db, "app_user")).containsOnly(a.id());
            assertThat(count(db, "select count(*) from app_user")).isEqualTo(2);
            assertThat(count(db, "select count(*) from app_user where tenant_id = " + b.id()))
                    .isZero();
            assertThat(tenantsOf(db, "workspace", "id")).containsExactly(a.id());

            // writing into another workspace is refused by the policy, not just hidden
            assertThatThrownBy(() -> db.createStatement()
                            .execute("insert into team (tenant_id, id, name) values (" + b.id()
                                    + ", nextval('team_seq'), 'Intruders')"))
                    .hasMessageContaining("row-level security");
            db.rollback();
            setTenant(db, a.id());
            assertThat(db.createStatement()
                            .executeUpdate("update app_user set name = 'hijacked' where tenant_id = " + b.id()))
                    .isZero();
        }
    }

    @Test
    void aRowCannotPointIntoAnotherWorkspace() throws SQLException {
        var a = workspaces.create();
        var b = workspaces.create();
        long teamOfA = workspaces.addTeam(a, "Team A");

        try (Connection db = DriverManager.getConnection(url, appUser, appPassword)) {
            setTenant(db, b.id());
            assertThatThrownBy(() -> db.createStatement()
                            .execute(
                                    "insert into app_user (tenant_id, id, email, name, password_hash, role, team_id) values ("
                                            + b.id() + ", nextval('app_user_seq'), 'x-" + b.suffix()
                                            + "@test.example', 'X', 'x', "
                                            + "'SALES_REP', " + teamOfA + ")"))
                    .hasMessageContaining("foreign key");
        }
    }

    @Test
    void theAppRoleOwnsNothingAndIsNoSuperuser() throws SQLException {
        try (Connection db = DriverManager.getConnection(url, appUser, appPassword)) {
            assertThat(count(
                            db,
                            "select count(*) from pg_roles where rolname = current_user "
                                    + "and (rolsuper or rolbypassrls)"))
                    .isZero();
            assertThat(count(
                            db,
                            "select count(*) from pg_tables where schemaname = 'public' "
                                    + "and tableowner = current_user"))
                    .isZero();
        }
    }

    /** As the app enters a workspace: transaction-local, the one form that also reaches Citus's workers. */
    private static void setTenant(Connection db, long tenant) throws SQLException {
        db.setAutoCommit(false);
        db.createStatement().execute("SET LOCAL app.tenant_id = '" + tenant + "'");
    }

    private static long count(Connection db, String sql) throws SQLException {
        var rs = db.createStatement().executeQuery(sql);
        rs.next();
        return rs.getLong(1);
    }

    private static List<Long> tenantsOf(Connection db, String table) throws SQLException {
        return tenantsOf(db, table, "tenant_id");
    }

    private static List<Long> tenantsOf(Connection db, String table, String column) throws SQLException {
        var rs = db.createStatement().executeQuery("select distinct " + column + " from " + table);
        List<Long> ids = new ArrayList<>();
        while (rs.next()) {
            ids.add(rs.getLong(1));
        }
        return ids;
    }
}
