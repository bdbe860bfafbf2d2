package org.pipelinecrm.shared.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a failure of the database connection (server down, restarting, unreachable, pool exhausted while it
 * is) from a failure of the work itself, so that it is answered 503 "try again shortly" and never read as a
 * bad row, a wrong password or a bug.
 */
public final class DatabaseUnavailable {

    /** The {@code code} of the problem answer. */
    public static final String CODE = "database-unavailable";
    /** Seconds a client should wait before trying again; the pool reconnects within this. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /** PostgreSQL's "shutting down", "crashed" and "starting up" states; 08… are connection failures. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    /** Whether the database being away is what caused {@code failure}, anywhere in its chain of causes. */
    public static boolean isCause(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_AWAY.contains(sql.getSQLState()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
