package org.pipelinecrm.shared.database;

/**
 * The transaction-local settings row-level security reads ({@code app.tenant_id}, the lookup keys), as
 * {@code SET LOCAL} statements. {@code set_config(…)} would take a bind parameter, but on Citus only
 * {@code SET LOCAL} reaches the workers (with {@code citus.propagate_set_commands = 'local'} for the app role), so
 * the value is written into the statement as a quoted literal.
 */
public final class SessionSettings {

    private SessionSettings() {}

    /**
     * {@code SET LOCAL <name> = '<value>'}. The name is one of the code's constants; the value may come from a
     * visitor (an e-mail, a form key): quotes are doubled (standard strings keep backslashes literal), and a value
     * PostgreSQL cannot hold (a NUL character) becomes empty, which every policy reads as "nothing".
     */
    public static String setLocal(String name, String value) {
        if (!name.matches("[a-z_]+\\.[a-z_]+")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        String safe = value == null || value.indexOf('\0') >= 0 ? "" : value;
        return "SET LOCAL " + name + " = '" + safe.replace("'", "''") + "'";
    }
}
