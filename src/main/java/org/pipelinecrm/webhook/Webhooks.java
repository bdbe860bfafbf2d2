package org.pipelinecrm.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A workspace's webhook subscriptions and their deliveries; admins manage them. */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class Webhooks {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSubscriptionRepository subscriptions;
    private final TargetGuard guard;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final DeliveryWorker worker;
    private final TransactionTemplate tx;
    private final SecretBox box;

    Webhooks(
            WebhookSubscriptionRepository subscriptions,
            TargetGuard guard,
            JdbcClient jdbc,
            Outbox outbox,
            DeliveryWorker worker,
            TransactionTemplate tx,
            SecretBox box) {
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.worker = worker;
        this.tx = tx;
        this.box = box;
    }

    @Transactional(readOnly = true)
    public List<WebhookView> all() {
        return subscriptions.findAllByOrderByIdAsc().stream()
                .map(s -> s.toView(null))
                .toList();
    }

    @Transactional(readOnly = true)
    public WebhookView get(long id) {
        return load(id).toView(null);
    }

    /** A new subscription; its secret is in this answer and never shown again. */
    @Transactional
    public WebhookView create(CreateCmd cmd) {
        String url = checkedUrl(cmd.url());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + HexFormat.of().formatHex(key);
        WebhookSubscription subscription = subscriptions.save(new WebhookSubscription(
                url,
                checkedEvents(cmd.events()),
                blankToNull(cmd.description()),
                box.seal(secret, TenantContext.require()),
                Instant.now()));
        return subscription.toView(secret);
    }

    @Transactional
    public WebhookView change(long id, ChangeCmd cmd) {
        WebhookSubscription subscription = load(id);
        subscription.checkVersion(cmd.version());
        subscription.describe(
                cmd.url() == null ? subscription.getUrl() : checkedUrl(cmd.url()),
                cmd.events() == null ? subscription.getEvents() : checkedEvents(cmd.events()),
                cmd.description() == null ? subscription.getDescription() : blankToNull(cmd.description()));
        if (cmd.status() != null) {
            if (!List.of(WebhookSubscription.ACTIVE, WebhookSubscription.PAUSED).contains(cmd.status())) {
                throw new InvalidInputException("status", "webhook.status.invalid", "status is ACTIVE or PAUSED");
            }
            subscription.setStatus(cmd.status());
        }
        WebhookView view = subscriptions.saveAndFlush(subscription).toView(null);
        if (WebhookSubscription.ACTIVE.equals(cmd.status())) {
            outbox.wakeAfterCommit(TenantContext.require()); // what waited while paused goes out now
        }
        return view;
    }

    @Transactional
    public void delete(long id) {
        subscriptions.delete(load(id));
    }

    /** The subscription's newest deliveries (at most 100), each with its attempts. */
    @Transactional(readOnly = true)
    public List<DeliveryView> deliveries(long id) {
        load(id);
        long tenant = TenantContext.require();
        Map<Long, List<DeliveryView.Attempt>> attempts = new LinkedHashMap<>();
        List<DeliveryView> found = jdbc.sql("""
                select id, event_id, event_type, state, attempts, created_at, next_attempt_at, delivered_at
                from webhook_delivery where tenant_id = :tenant and subscription_id = :id
                order by id desc limit 100""")
                .param("tenant", tenant)
                .param("id", id)
                .query((rs, i) -> new DeliveryView(
                        rs.getLong("id"),
                        rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("created_at").toInstant(),
                        "PENDING".equals(rs.getString("state"))
                                ? rs.getTimestamp("next_attempt_at").toInstant()
                                : null,
                        rs.getTimestamp("delivered_at") == null
                                ? null
                                : rs.getTimestamp("delivered_at").toInstant(),
                        List.of()))
                .list();
        if (found.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select a.delivery_id, a.attempted_at, a.status_code, a.error, a.duration_ms
                from webhook_attempt a join webhook_delivery d on d.tenant_id = a.tenant_id and d.id = a.delivery_id
                where a.tenant_id = :tenant and d.subscription_id = :id and a.delivery_id >= :oldest
                order by a.id desc""")
                .param("tenant", tenant)
                .param("id", id)
                .param("oldest", found.get(found.size() - 1).id())
                .query((rs, i) -> {
                    Object code = rs.getObject("status_code");
                    attempts.computeIfAbsent(rs.getLong("delivery_id"), k -> new java.util.ArrayList<>())
                            .add(new DeliveryView.Attempt(
                                    rs.getTimestamp("attempted_at").toInstant(),
                                    code == null ? null : ((Number) code).intValue(),
                                    rs.getString("error"),
                                    rs.getInt("duration_ms")));
                    return 0;
                })
                .list();
        return found.stream()
                .map(d -> new DeliveryView(
                        d.id(),
                        d.eventId(),
                        d.type(),
                        d.status(),
                        d.attempts(),
                        d.createdAt(),
                        d.nextAttemptAt(),
                        d.deliveredAt(),
                        attempts.getOrDefault(d.id(), List.of())))
                .toList();
    }

    /** Sends a delivery again now, whatever became of it; answers it with the new attempt. */
    public DeliveryView retry(long id, long deliveryId) {
        tx.executeWithoutResult(status -> load(id));
        if (!worker.sendNow(id, deliveryId)) {
            throw new NotFoundException("Delivery", deliveryId);
        }
        return delivery(id, deliveryId);
    }

    /** Sends a {@code webhook.test} event to this subscription now; answers its delivery. */
    public DeliveryView sendTest(long id) {
        long deliveryId = tx.execute(status -> {
            load(id);
            return outbox.enqueueTest(id);
        });
        worker.sendNow(id, deliveryId);
        return delivery(id, deliveryId);
    }

    private DeliveryView delivery(long id, long deliveryId) {
        return tx.execute(status -> deliveries(id).stream()
                .filter(d -> d.id() == deliveryId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Delivery", deliveryId)));
    }

    private WebhookSubscription load(long id) {
        return subscriptions.findById(id).orElseThrow(() -> new NotFoundException("Webhook", id));
    }

    private String checkedUrl(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw new InvalidInputException("url", "webhook.url.invalid", "The address must be an http or https URL");
        }
        return guard.check(url).toString();
    }

    private static List<String> checkedEvents(List<String> events) {
        if (events == null || events.isEmpty()) {
            throw new InvalidInputException("events", "webhook.events.empty", "Choose at least one event");
        }
        for (String event : events) {
            if (!WebhookEvents.ALL.contains(event)) {
                throw new InvalidInputException(
                        "events", "webhook.events.unknown", "Unknown event {0}", String.valueOf(event));
            }
        }
        return events.stream().distinct().toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    public record CreateCmd(
            @NotBlank @Size(max = 2000) String url,
            @NotEmpty List<String> events,
            @Size(max = 500) String description) {}

    /** A partial change: fields left out stay as they are; {@code status} pauses or resumes. */
    public record ChangeCmd(
            @Size(max = 2000) String url,
            List<String> events,
            @Size(max = 500) String description,
            String status,
            Long version) {}
}
