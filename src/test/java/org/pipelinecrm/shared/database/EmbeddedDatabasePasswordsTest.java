package org.pipelinecrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelinecrm.support.IntegrationTest;

/** The embedded server asks every connection for its password; folders made before passwords are converted. */
@IntegrationTest
class EmbeddedDatabasePasswordsTest {

    @TempDir
    Path folders;

    @Test
    void aConnectionWithoutThePasswordIsRefused() throws Exception {
        EmbeddedDatabase db = EmbeddedDatabase.running();
        assertRefusedWithoutPassword(db);
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.APP, db.appPassword)) {
            assertThat(app.isValid(2)).isTrue();
        }
        Path file = db.directory.resolve(EmbeddedCredentials.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(db.directory.resolve("pg_hba.conf")))
                .doesNotContain("trust")
                .contains("scram-sha-256");
    }

    @Test
    void aFolderMadeWithoutPasswordsIsConvertedOnStart() throws Exception {
        Path folder = folders.resolve("pg");
        // a folder as earlier versions made it: trust, and the roles' fixed passwords
        try (EmbeddedPostgres before = EmbeddedPostgres.builder()
                        .setDataDirectory(folder)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .start();
                Connection connection = before.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("create role crm_app login password 'crm_app_local'");
        }
        EmbeddedDatabase converted = EmbeddedDatabase.boot(folder.toString(), LogFactory.getLog(getClass()));
        try {
            assertRefusedWithoutPassword(converted);
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    converted.jdbcUrl(), EmbeddedDatabase.APP, "crm_app_local")
                            .close())
                    .as("the old fixed password")
                    .isInstanceOf(SQLException.class);
            try (Connection app =
                    DriverManager.getConnection(converted.jdbcUrl(), EmbeddedDatabase.APP, converted.appPassword)) {
                assertThat(app.isValid(2)).isTrue();
            }
        } finally {
            converted.stop();
        }
        // and it starts again with the passwords it keeps
        EmbeddedDatabase again = EmbeddedDatabase.boot(folder.toString(), LogFactory.getLog(getClass()));
        try {
            assertThat(again.appPassword).isEqualTo(converted.appPassword);
            try (Connection owner =
                    DriverManager.getConnection(again.jdbcUrl(), EmbeddedDatabase.OWNER, again.ownerPassword)) {
                assertThat(owner.isValid(2)).isTrue();
            }
        } finally {
            again.stop();
        }
    }

    private static void assertRefusedWithoutPassword(EmbeddedDatabase db) {
        for (String user : new String[] {"postgres", EmbeddedDatabase.OWNER, EmbeddedDatabase.APP}) {
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + db.postgres.getPort() + "/postgres?user=" + user)
                            .close())
                    .as(user + " without a password")
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(
                                    "jdbc:postgresql://localhost:" + db.postgres.getPort() + "/postgres", user, "guess")
                            .close())
                    .as(user + " with a wrong password")
                    .isInstanceOf(SQLException.class);
        }
    }
}
