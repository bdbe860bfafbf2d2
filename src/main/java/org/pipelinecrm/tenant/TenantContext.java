package org.pipelinecrm.tenant;

import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The workspace the current thread works for. Set once per request by the security filter and
 * explicitly by background work; the transaction manager hands it to PostgreSQL row-level security.
 */
public final class TenantContext {

    private static final ThreadLocal<Long> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<Long> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static long require() {
        Long id = CURRENT.get();
        if (id == null) {
            throw new IllegalStateException("No workspace is set for this thread");
        }
        return id;
    }

    /** Enters a workspace until the returned scope is closed; scopes nest and restore the previous one. */
    public static Scope enter(long tenantId) {
        Long previous = CURRENT.get();
        CURRENT.set(tenantId);
        MDC.put("tenant", Long.toString(tenantId));
        return () -> {
            if (previous == null) {
                CURRENT.remove();
                MDC.remove("tenant");
            } else {
                CURRENT.set(previous);
                MDC.put("tenant", Long.toString(previous));
            }
        };
    }

    public static void runAs(long tenantId, Runnable work) {
        try (Scope ignored = enter(tenantId)) {
            work.run();
        }
    }

    public static <T> T callAs(long tenantId, Supplier<T> work) {
        try (Scope ignored = enter(tenantId)) {
            return work.get();
        }
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
