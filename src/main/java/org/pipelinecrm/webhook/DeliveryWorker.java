package org.pipelinecrm.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pipelinecrm.notification.Notifications;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.tenant.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the current workspace's due deliveries. A delivery is claimed with a short lease ({@code FOR UPDATE SKIP
 * LOCKED}, so several app instances never send the same one at once) and posted outside any transaction; its
 * attempt is then written down. Of one record's deliveries to one subscription only the oldest pending one is
 * sent: a record's events arrive in order. A failure (no answer in 10 s, or not 2xx) is retried after 30 s, then
 * doubling up to an hour, for 24 hours; 50 failures in a row pause the subscription and its admins are told.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final int PAUSE_AFTER_FAILURES = 50;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final int BATCH = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TargetGuard guard;
    private final Notifications notifications;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private final SecretBox box;

    DeliveryWorker(
            JdbcClient jdbc, TransactionTemplate tx, TargetGuard guard, Notifications notifications, SecretBox box) {
        this.box = box;
        this.jdbc = jdbc;
        this.tx = tx;
        this.guard = guard;
        this.notifications = notifications;
    }

    /** Sends what is due at {@code now} (tests step the clock forward), until nothing is; answers how many. */
    int sendDue(Instant now) {
        int sent = 0;
        Map<Long, Target> targets = new HashMap<>();
        for (List<Claimed> claimed = claim(now); !claimed.isEmpty(); claimed = claim(now)) {
            for (Claimed delivery : claimed) {
                Target target = targets.computeIfAbsent(delivery.subscriptionId(), this::target);
                attempt(delivery, target, now);
                sent++;
            }
            targets.clear(); // a subscription may have been paused meanwhile
        }
        return sent;
    }

    /** When the next pending delivery of an active subscription is due, or null when none waits. */
    Instant nextAttemptAt() {
        return tx.execute(status -> jdbc.sql("""
                select min(greatest(d.next_attempt_at, coalesce(d.lease_until, d.next_attempt_at)))
                from webhook_delivery d join webhook_subscription s
                  on s.tenant_id = d.tenant_id and s.id = d.subscription_id
                where d.tenant_id = :tenant and d.state = 'PENDING' and s.status = 'ACTIVE'""")
                .param("tenant", TenantContext.require())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null));
    }

    /** Sends one delivery again at once, whatever its state (the retry button); false when there is none. */
    boolean sendNow(long subscriptionId, long deliveryId) {
        Instant now = Instant.now();
        List<Claimed> claimed = tx.execute(status -> jdbc.sql("""
                update webhook_delivery set state = 'PENDING', next_attempt_at = :now, lease_until = :lease
                where tenant_id = :tenant and id = :id and subscription_id = :subscription
                returning id, subscription_id, event_id, payload, attempts, created_at""")
                .param("now", Timestamp.from(now))
                .param("lease", Timestamp.from(now.plus(LEASE)))
                .param("tenant", TenantContext.require())
                .param("id", deliveryId)
                .param("subscription", subscriptionId)
                .query(DeliveryWorker::claimed)
                .list());
        if (claimed == null || claimed.isEmpty()) {
            return false;
        }
        attempt(claimed.get(0), target(subscriptionId), now);
        return true;
    }

    private List<Claimed> claim(Instant now) {
        Instant lease = (now.isAfter(Instant.now()) ? now : Instant.now()).plus(LEASE);
        return tx.execute(status -> jdbc
                .sql("""
                update webhook_delivery set lease_until = :lease
                where tenant_id = :tenant and id in (
                  select d.id from webhook_delivery d join webhook_subscription s
                    on s.tenant_id = d.tenant_id and s.id = d.subscription_id
                  where d.tenant_id = :tenant and d.state = 'PENDING' and s.status = 'ACTIVE'
                    and d.next_attempt_at <= :now and (d.lease_until is null or d.lease_until < :now)
                    and not exists (select 1 from webhook_delivery e
                      where e.tenant_id = d.tenant_id and e.subscription_id = d.subscription_id
                        and e.record_key = d.record_key and e.state = 'PENDING' and e.id < d.id)
                  order by d.id limit :batch
                  for update of d skip locked)
                returning id, subscription_id, event_id, payload, attempts, created_at""")
                .param("lease", Timestamp.from(lease))
                .param("tenant", TenantContext.require())
                .param("now", Timestamp.from(now))
                .param("batch", BATCH)
                .query(DeliveryWorker::claimed)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(Claimed::id))
                .toList());
    }

    private static Claimed claimed(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Claimed(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getObject("event_id", UUID.class),
                rs.getString("payload"),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant());
    }

    private Target target(long subscriptionId) {
        long tenant = TenantContext.require();
        return tx.execute(status -> jdbc.sql(
                        "select url, secret from webhook_subscription where tenant_id = :tenant and id = :id")
                .param("tenant", tenant)
                .param("id", subscriptionId)
                .query((rs, i) -> new Target(rs.getString("url"), box.open(rs.getString("secret"), tenant)))
                .single());
    }

    private void attempt(Claimed delivery, Target target, Instant now) {
        long started = System.nanoTime();
        Instant at = Instant.now();
        Integer code = null;
        String error = null;
        try {
            URI uri = guard.check(target.url());
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "PipelineCRM-Webhooks/1")
                    .header("X-Crm-Event-Id", delivery.eventId().toString())
                    .header(
                            "X-Crm-Signature",
                            Signature.header(target.secret(), at.getEpochSecond(), delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
            code = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InvalidInputException refused) {
            error = refused.getMessage();
        } catch (IOException | IllegalArgumentException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int millis = (int) ((System.nanoTime() - started) / 1_000_000);
        boolean delivered = code != null && code >= 200 && code < 300;
        record(delivery, at, code, error, millis, delivered, now);
    }

    private void record(
            Claimed delivery, Instant at, Integer code, String error, int millis, boolean delivered, Instant now) {
        long tenant = TenantContext.require();
        String shortError = error == null ? null : error.substring(0, Math.min(error.length(), 300));
        tx.executeWithoutResult(status -> {
            jdbc.sql("""
                    insert into webhook_attempt (tenant_id, id, delivery_id, attempted_at, status_code, error,
                      duration_ms)
                    values (:tenant, nextval('webhook_attempt_seq'), :delivery, :at, :code, :error, :millis)""")
                    .param("tenant", tenant)
                    .param("delivery", delivery.id())
                    .param("at", Timestamp.from(at))
                    .param("code", code)
                    .param("error", shortError)
                    .param("millis", millis)
                    .update();
            if (delivered) {
                jdbc.sql("""
                        update webhook_delivery set state = 'DELIVERED', attempts = attempts + 1,
                          delivered_at = :at, lease_until = null
                        where tenant_id = :tenant and id = :id""")
                        .param("at", Timestamp.from(at))
                        .param("tenant", tenant)
                        .param("id", delivery.id())
                        .update();
                jdbc.sql("update webhook_subscription set failures_in_row = 0 where tenant_id = :tenant and id = :id")
                        .param("tenant", tenant)
                        .param("id", delivery.subscriptionId())
                        .update();
                return;
            }
            int attempts = delivery.attempts() + 1;
            Instant next = now.plus(wait(attempts));
            boolean givenUp = next.isAfter(delivery.createdAt().plus(GIVE_UP_AFTER));
            jdbc.sql("""
                    update webhook_delivery set state = :state, attempts = attempts + 1, next_attempt_at = :next,
                      lease_until = null
                    where tenant_id = :tenant and id = :id""")
                    .param("state", givenUp ? "FAILED" : "PENDING")
                    .param("next", Timestamp.from(next))
                    .param("tenant", tenant)
                    .param("id", delivery.id())
                    .update();
            // only an active subscription counts failures; the one that reaches the limit pauses it (once)
            List<Integer> failures = jdbc.sql("""
                    update webhook_subscription set failures_in_row = failures_in_row + 1
                    where tenant_id = :tenant and id = :id and status = 'ACTIVE'
                    returning failures_in_row""")
                    .param("tenant", tenant)
                    .param("id", delivery.subscriptionId())
                    .query(Integer.class)
                    .list();
            if (failures.isEmpty() || failures.get(0) < PAUSE_AFTER_FAILURES) {
                return;
            }
            List<String> paused = jdbc.sql("""
                    update webhook_subscription set status = 'PAUSED', version = version + 1
                    where tenant_id = :tenant and id = :id and status = 'ACTIVE'
                    returning url""")
                    .param("tenant", tenant)
                    .param("id", delivery.subscriptionId())
                    .query(String.class)
                    .list();
            if (!paused.isEmpty()) {
                log.info(
                        "Webhook {} paused after {} failures in a row",
                        delivery.subscriptionId(),
                        PAUSE_AFTER_FAILURES);
                notifications.tellAdmins(
                        "webhook.paused.notice", "/settings/webhooks", paused.get(0), PAUSE_AFTER_FAILURES);
            }
        });
    }

    /** 30 s after the first failure, doubling after each further one, at most an hour. */
    static Duration wait(int failures) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private record Claimed(
            long id, long subscriptionId, UUID eventId, String payload, int attempts, Instant createdAt) {}

    private record Target(String url, String secret) {}
}
