package org.pipelinecrm.opportunity;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryEvent;

/** Turns on {@link DealWrite}'s retries, and logs each one by its method, deal id and SQL state only. */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class DealWriteRetries {

    private static final Logger LOG = LoggerFactory.getLogger(DealWriteRetries.class);

    @EventListener
    void on(MethodRetryEvent retry) {
        if (!(retry.getFailure() instanceof PessimisticLockingFailureException)) {
            return; // a refusal or a stale version: answered as it is, not retried
        }
        Object[] args = retry.getSource().getArguments();
        Object deal = args.length > 0 && args[0] instanceof Long id ? id : "new";
        LOG.info(
                "{}.{} of deal {} {} after SQL state {}",
                retry.getMethod().getDeclaringClass().getSimpleName(),
                retry.getMethod().getName(),
                deal,
                retry.isRetryAborted() ? "gave up" : "runs again",
                sqlState(retry.getFailure()));
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "unknown";
    }
}
