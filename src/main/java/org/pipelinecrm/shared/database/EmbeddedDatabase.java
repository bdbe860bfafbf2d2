package org.pipelinecrm.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.logging.Log;

/**
 * One embedded PostgreSQL per JVM: the product's database when no external server is configured,
 * and the test suite's. A persistent data directory keeps fsync on; a temporary one (tests) does not.
 */
final class EmbeddedDatabase {

    static final String DATABASE = "crm";
    static final String OWNER = "crm_owner";
    static final String APP = "crm_app";

    private static EmbeddedDatabase instance;

    final EmbeddedPostgres postgres;
    final Path directory;
    final String ownerPassword;
    final String appPassword;
    private String superPassword;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String ownerPassword, String appPassword) {
        this.postgres = postgres;
        this.directory = directory;
        this.ownerPassword = ownerPassword;
        this.appPassword = appPassword;
    }

    static synchronized EmbeddedDatabase start(String dataDir, Log log) {
        if (instance == null) {
            instance = boot(dataDir, log);
        }
        return instance;
    }

    /** The server of this JVM, if one was started. */
    static synchronized EmbeddedDatabase running() {
        return instance;
    }

    void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // the server process ends with the JVM anyway; a failed fast shutdown only costs a recovery on next start
        }
    }

    String superPassword() {
        return superPassword == null ? "" : superPassword;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    static EmbeddedDatabase boot(String dataDir, Log log) {
        try {
            boolean persistent = dataDir != null && !dataDir.isBlank();
            Path directory =
                    persistent ? Path.of(dataDir).toAbsolutePath() : Files.createTempDirectory("pipeline-crm-pg");
            Files.createDirectories(directory);
            if (persistent) {
                stopOrphanedPostmaster(directory, log);
            }
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(!persistent)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "120")
                    .setServerConfig("timezone", "UTC");
            if (persistent) {
                // The builder's defaults are for throw-away test data; a user's data must survive a crash.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            boolean existing = Files.exists(directory.resolve("PG_VERSION"));
            EmbeddedCredentials credentials = existing ? EmbeddedCredentials.of(directory) : null;
            if (credentials == null) {
                credentials = new EmbeddedCredentials(null, null, null, true);
            }
            if (credentials.superuser() != null) {
                builder.setConnectConfig("password", credentials.superuser());
            }
            EmbeddedPostgres postgres = builder.start();
            if (!existing) {
                credentials = EmbeddedCredentials.of(directory); // a new folder: initdb has made it, now empty of ours
            }
            if (credentials.generated()) {
                credentials.store(directory);
            }
            EmbeddedDatabase database =
                    new EmbeddedDatabase(postgres, directory, credentials.owner(), credentials.app());
            database.superPassword = credentials.superuser();
            database.secure(credentials, log);
            database.createRolesAndDatabase();
            log.info("Embedded PostgreSQL on port " + postgres.getPort() + ", data in " + directory);
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * Gives the superuser and the two roles their passwords and, where the folder still trusted every local
     * connection (new, or made before passwords), switches {@code pg_hba.conf} to scram-sha-256 and reloads it.
     */
    private void secure(EmbeddedCredentials credentials, Log log) throws SQLException, IOException {
        if (!EmbeddedCredentials.trusting(directory)) {
            return;
        }
        try (Connection connection = superuser(credentials.superuser());
                Statement sql = connection.createStatement()) {
            sql.execute("set password_encryption = 'scram-sha-256'");
            sql.execute("alter role postgres password '" + credentials.superuser() + "'");
            for (var role : List.of(List.of(OWNER, ownerPassword), List.of(APP, appPassword))) {
                var exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role.get(0) + "'");
                if (exists.next()) {
                    sql.execute("alter role " + role.get(0) + " password '" + role.get(1) + "'");
                }
            }
            EmbeddedCredentials.requirePasswords(directory);
            sql.execute("select pg_reload_conf()");
        }
        log.info("Embedded PostgreSQL now asks every connection for its password (kept in "
                + directory.resolve(EmbeddedCredentials.FILE) + ")");
    }

    private Connection superuser(String password) throws SQLException {
        return postgres.getPostgresDatabase(java.util.Map.of("password", password))
                .getConnection();
    }

    private void createRolesAndDatabase() throws SQLException {
        try (Connection connection = superuser(superPassword);
                Statement sql = connection.createStatement()) {
            for (var role : List.of(List.of(OWNER, ownerPassword), List.of(APP, appPassword))) {
                var exists = sql.executeQuery("select 1 from pg_roles where rolname = '" + role.get(0) + "'");
                if (!exists.next()) {
                    sql.execute("create role " + role.get(0) + " login password '" + role.get(1) + "'");
                }
            }
            var exists = sql.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!exists.next()) {
                sql.execute("create database " + DATABASE + " owner " + OWNER);
            }
        }
    }

    /**
     * A JVM killed with -9 leaves its postmaster running and holding the data directory; ask it to
     * shut down (fast mode) so that this start can take the directory over.
     */
    private static void stopOrphanedPostmaster(Path directory, Log log) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        } catch (RuntimeException e) {
            return;
        }
        var postmaster = ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        log.warn("Found an orphaned PostgreSQL (pid " + pid + ") from an earlier run; stopping it");
        new ProcessBuilder("kill", "-INT", Long.toString(pid)).inheritIO().start();
        try {
            if (!postmaster
                    .get()
                    .onExit()
                    .completeOnTimeout(null, 30, TimeUnit.SECONDS)
                    .get()
                    .isAlive()) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // fall through to the forced stop
        }
        postmaster.get().destroyForcibly();
    }
}
