package org.pipelinecrm.webhook;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.ActivityLogged;
import org.pipelinecrm.activity.TaskCompleted;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadChange;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.opportunity.OpportunityChanged;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery for each subscription that wants an event, in the transaction of the change (a synchronous
 * listener): the change and its deliveries commit together or not at all. After the commit the sender is woken.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Leads leads;
    private final Activities activities;
    private final Tasks tasks;
    private final DeliverySchedule schedule;

    Outbox(
            JdbcClient jdbc,
            JsonMapper json,
            Leads leads,
            Activities activities,
            Tasks tasks,
            DeliverySchedule schedule) {
        this.jdbc = jdbc;
        this.json = json;
        this.leads = leads;
        this.activities = activities;
        this.tasks = tasks;
        this.schedule = schedule;
    }

    @EventListener
    void on(OpportunityChanged changed) {
        List<String> types = new ArrayList<>();
        switch (changed.change()) {
            case CREATED -> types.add("opportunity.created");
            case UPDATED -> types.add("opportunity.updated");
            case STAGE_CHANGED -> {
                types.add("opportunity.stage_changed");
                if (changed.status() == StageKind.WON) {
                    types.add("opportunity.won");
                } else if (changed.status() == StageKind.LOST) {
                    types.add("opportunity.lost");
                }
            }
        }
        Map<Long, List<String>> wanting = subscriptionsWanting(types);
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data = asMap(changed.view().get());
        if (changed.previous() != null) {
            data.put("previous", changed.previous());
        } else if (changed.fromStageId() != null) {
            data.put("previous", Map.of("stageId", changed.fromStageId()));
        }
        enqueue(wanting, types, "opportunity:" + changed.opportunityId(), changed.at(), data);
    }

    @EventListener
    void on(LeadChange change) {
        String type = leadType(change);
        if (type == null) {
            return;
        }
        Map<Long, List<String>> wanting = subscriptionsWanting(List.of(type));
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data =
                leads.recorded(change.leadId()).map(this::asMap).orElseGet(() -> fields("id", change.leadId()));
        data.remove("timeline");
        if (change instanceof LeadChange.Converted c) {
            data.put("accountId", c.accountId());
            data.put("contactId", c.contactId());
            data.put("opportunityId", c.opportunityId());
        }
        enqueue(wanting, List.of(type), "lead:" + change.leadId(), change.at(), data);
    }

    @EventListener
    void on(ActivityLogged logged) {
        Map<Long, List<String>> wanting = subscriptionsWanting(List.of("activity.logged"));
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data = CurrentUser.find().isPresent()
                ? asMap(activities.get(logged.activityId(), CurrentUser.actor()))
                : fields(
                        "id", logged.activityId(),
                        "kind", logged.kind(),
                        "recordType", logged.recordType(),
                        "recordId", logged.recordId());
        enqueue(wanting, List.of("activity.logged"), "activity:" + logged.activityId(), logged.occurredAt(), data);
    }

    @EventListener
    void on(TaskCompleted completed) {
        Map<Long, List<String>> wanting = subscriptionsWanting(List.of("task.completed"));
        if (wanting.isEmpty()) {
            return;
        }
        Map<String, Object> data = CurrentUser.find().isPresent()
                ? asMap(tasks.get(completed.taskId(), CurrentUser.actor()))
                : fields("id", completed.taskId());
        enqueue(wanting, List.of("task.completed"), "task:" + completed.taskId(), completed.completedAt(), data);
    }

    /** A test event for one subscription, sent at once by the caller; answers the delivery's id. */
    long enqueueTest(long subscriptionId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscriptionId);
        data.put("message", "A test event: the address receives this workspace's webhooks");
        long deliveryId = enqueue(
                        Map.of(subscriptionId, List.of(WebhookEvents.TEST)),
                        List.of(WebhookEvents.TEST),
                        "test:" + subscriptionId,
                        Instant.now(),
                        data)
                .get(0);
        // the caller sends it at once: a lease keeps the woken sender from sending it a second time meanwhile
        // (should the app stop first, the lease runs out and the sender takes it)
        jdbc.sql("update webhook_delivery set lease_until = :lease where tenant_id = :tenant and id = :id")
                .param("lease", java.sql.Timestamp.from(Instant.now().plusSeconds(60)))
                .param("tenant", TenantContext.require())
                .param("id", deliveryId)
                .update();
        return deliveryId;
    }

    private static String leadType(LeadChange change) {
        if (change instanceof LeadChange.Created) {
            return "lead.created";
        }
        if (change instanceof LeadChange.Edited) {
            return "lead.updated";
        }
        if (change instanceof LeadChange.HandedOff) {
            return "lead.handed_off";
        }
        if (change instanceof LeadChange.Accepted) {
            return "lead.accepted";
        }
        if (change instanceof LeadChange.Rejected) {
            return "lead.rejected";
        }
        if (change instanceof LeadChange.Converted) {
            return "lead.converted";
        }
        return null;
    }

    /** Active subscriptions by id, each with those of the types it wants. */
    private Map<Long, List<String>> subscriptionsWanting(List<String> types) {
        Map<Long, List<String>> wanting = new LinkedHashMap<>();
        jdbc.sql("select id, events from webhook_subscription where tenant_id = :tenant and status = 'ACTIVE'")
                .param("tenant", TenantContext.require())
                .query((rs, i) -> Map.entry(
                        rs.getLong("id"), List.of(rs.getString("events").split(","))))
                .list()
                .forEach(s -> {
                    List<String> wanted =
                            types.stream().filter(s.getValue()::contains).toList();
                    if (!wanted.isEmpty()) {
                        wanting.put(s.getKey(), wanted);
                    }
                });
        return wanting;
    }

    /** One event per type (shared by the subscriptions that want it), one delivery per subscription and type. */
    private List<Long> enqueue(
            Map<Long, List<String>> wanting,
            List<String> types,
            String recordKey,
            Instant at,
            Map<String, Object> data) {
        long tenant = TenantContext.require();
        Instant now = Instant.now();
        List<Long> ids = new ArrayList<>();
        for (String type : types) {
            UUID eventId = UUID.randomUUID();
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("id", eventId);
            envelope.put("type", type);
            envelope.put("occurredAt", at == null ? now : at);
            envelope.put("workspaceId", tenant);
            envelope.put("data", data);
            String payload = json.writeValueAsString(envelope);
            for (var subscription : wanting.entrySet()) {
                if (!subscription.getValue().contains(type)) {
                    continue;
                }
                ids.add(jdbc.sql("""
                        insert into webhook_delivery (tenant_id, id, subscription_id, event_id, event_type,
                          record_key, payload, created_at, next_attempt_at)
                        values (:tenant, nextval('webhook_delivery_seq'), :subscription, :event, :type, :record,
                          :payload, :now, :now)
                        returning id""")
                        .param("tenant", tenant)
                        .param("subscription", subscription.getKey())
                        .param("event", eventId)
                        .param("type", type)
                        .param("record", recordKey)
                        .param("payload", payload)
                        .param("now", Timestamp.from(now))
                        .query(Long.class)
                        .single());
            }
        }
        wakeAfterCommit(tenant);
        return ids;
    }

    void wakeAfterCommit(long tenant) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            schedule.wake(tenant);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                schedule.wake(tenant);
            }
        });
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> asMap(Object view) {
        return new LinkedHashMap<>(json.convertValue(view, Map.class));
    }
}
