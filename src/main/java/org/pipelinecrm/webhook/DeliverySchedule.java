package org.pipelinecrm.webhook;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * When deliveries are sent. Each workspace with deliveries waiting has one db-scheduler execution
 * ({@code webhook-send}, instance {@code tenant-<id>}): db-scheduler lets one instance of the app pick it, which
 * sends what is due and puts the execution back for the next retry, or removes it when nothing waits. A change that
 * wrote deliveries wakes its workspace's execution after commit; a sweep every minute wakes any workspace whose
 * wake-up was lost (the app stopped between commit and wake-up, or the execution was busy).
 */
@Configuration(proxyBeanMethods = false)
class DeliverySchedule {

    private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);
    static final String TASK = "webhook-send";
    static final Duration BUSY_RETRY = Duration.ofMillis(250);
    static final int BUSY_TRIES = 240;

    /** Where wake-ups that found the sender busy wait for their next try (one daemon thread). */
    private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "webhook-wake");
        thread.setDaemon(true);
        return thread;
    });

    private final SchedulerClient scheduler;
    private final CustomTask<Long> send;
    /** This instance's scheduler (absent where it does not run), asked to look for due executions at once. */
    private final ObjectProvider<Scheduler> local;

    DeliverySchedule(
            @Lazy SchedulerClient scheduler,
            @Lazy @Qualifier("webhookSend") CustomTask<Long> send,
            ObjectProvider<Scheduler> local) {
        this.scheduler = scheduler;
        this.local = local;
        this.send = send;
    }

    @Bean
    static CustomTask<Long> webhookSend(@Lazy DeliveryWorker worker) {
        return Tasks.custom(TASK, Long.class)
                .onFailureReschedule(Schedules.fixedDelay(Duration.ofSeconds(30)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    long tenant = instance.getData();
                    Instant next = TenantContext.callAs(tenant, () -> {
                        worker.sendDue(Instant.now());
                        return worker.nextAttemptAt();
                    });
                    return (complete, operations) -> {
                        if (next == null) {
                            operations.remove();
                        } else {
                            operations.reschedule(complete, next);
                        }
                    };
                });
    }

    @Bean
    RecurringTask<Void> webhookSweep(@Lazy DeliveryWorker worker, @Lazy Workspaces workspaces) {
        return Tasks.recurring("webhook-sweep", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    for (long tenant : workspaces.allIds()) {
                        Instant next = TenantContext.callAs(tenant, worker::nextAttemptAt);
                        if (next != null && !next.isAfter(Instant.now())) {
                            wake(tenant);
                        }
                    }
                });
    }

    /**
     * Asks for the workspace's deliveries to be sent now, and has this instance's scheduler look for due executions
     * at once instead of at its next poll. While the workspace's execution is running (its last look for more may
     * come before the delivery's commit), the wake-up is tried again every {@link #BUSY_RETRY} until it takes or
     * {@link #BUSY_TRIES} tries have passed; the sweep catches the rest.
     */
    void wake(long tenant) {
        wake(tenant, 1);
    }

    private void wake(long tenant, int attempt) {
        TaskInstance<Long> instance = send.instance("tenant-" + tenant, tenant);
        try {
            if (!scheduler.scheduleIfNotExists(instance, Instant.now())) {
                scheduler.reschedule(instance, Instant.now());
            }
            Scheduler here = local.getIfAvailable();
            if (here != null) {
                here.triggerCheckForDueExecutions();
            }
        } catch (RuntimeException busy) {
            log.debug("Webhook sender of workspace {} is busy: {}", tenant, busy.getMessage());
            if (attempt < BUSY_TRIES) {
                RETRIES.schedule(() -> wake(tenant, attempt + 1), BUSY_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
