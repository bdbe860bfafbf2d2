package org.pipelinecrm.shared.database;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded server's passwords (superuser, owner, app role), generated once and kept in its data folder in a
 * file only the app's user can read; its {@code pg_hba.conf} then asks every connection for a password
 * (scram-sha-256), so that another account on the machine cannot read the workspaces.
 */
record EmbeddedCredentials(String superuser, String owner, String app, boolean generated) {

    static final String FILE = "crm-passwords.properties";
    static final String HBA = """
            # Written by Pipeline CRM: every connection gives its password (see crm-passwords.properties).
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    /** The folder's passwords, or new ones (a new folder, or one from before passwords: trust). */
    static EmbeddedCredentials of(Path directory) throws IOException {
        Path file = directory.resolve(FILE);
        if (Files.exists(file)) {
            Properties stored = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
            return new EmbeddedCredentials(
                    stored.getProperty("postgres"),
                    stored.getProperty(EmbeddedDatabase.OWNER),
                    stored.getProperty(EmbeddedDatabase.APP),
                    false);
        }
        return new EmbeddedCredentials(generate(), generate(), generate(), true);
    }

    /** Writes the file (mode 0600) before the roles get the passwords, so that they are never lost. */
    void store(Path directory) throws IOException {
        Properties stored = new Properties();
        stored.setProperty("postgres", superuser);
        stored.setProperty(EmbeddedDatabase.OWNER, owner);
        stored.setProperty(EmbeddedDatabase.APP, app);
        Path temporary = directory.resolve(FILE + ".new");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(temporary)) {
            stored.store(out, "Passwords of the embedded PostgreSQL; readable by this user only");
        }
        Files.move(
                temporary,
                directory.resolve(FILE),
                StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** Whether {@code pg_hba.conf} still lets anyone in without a password (initdb's trust, today's folders). */
    static boolean trusting(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("pg_hba.conf")).stream()
                .map(String::trim)
                .anyMatch(line -> !line.startsWith("#") && line.matches(".*\\btrust\\b.*"));
    }

    static void requirePasswords(Path directory) throws IOException {
        Files.writeString(directory.resolve("pg_hba.conf"), HBA);
    }

    private static String generate() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
