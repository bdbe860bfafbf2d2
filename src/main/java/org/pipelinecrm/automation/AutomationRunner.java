package org.pipelinecrm.automation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.automation.AutomationView.Action;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.lead.LeadChange;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.notification.Notifications;
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
 * Runs the rules a change triggers, in the change's transaction: just before it commits (by then the change is
 * whole, and the deal is not in the middle of publishing its own events), so a rule's effects commit with the
 * change or not at all. Each rule runs once per trigger: its run is claimed by a unique key before it acts. What a
 * rule does itself triggers no rule (no loops), and each run is written where the record's timeline finds it.
 * Rules run for changes a signed-in person makes (tasks are created in their name); a change without one (a
 * visitor's web form) triggers nothing.
 */
@Component
class AutomationRunner {

    private static final ThreadLocal<Boolean> RUNNING = ThreadLocal.withInitial(() -> false);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AutomationRuleRepository rules;
    private final FieldSetters setters;
    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final Leads leads;
    private final People people;
    private final Notifications notifications;
    private final OwnerMail mail;

    AutomationRunner(
            AutomationRuleRepository rules,
            FieldSetters setters,
            JdbcClient jdbc,
            Tasks tasks,
            Leads leads,
            People people,
            Notifications notifications,
            OwnerMail mail) {
        this.rules = rules;
        this.setters = setters;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.leads = leads;
        this.people = people;
        this.notifications = notifications;
        this.mail = mail;
    }

    /** What happened, as the rules match it. */
    record Fired(
            RecordType recordType,
            long recordId,
            Long ownerId,
            Set<TriggerType> types,
            long pipelineId,
            long stageId,
            String status,
            String key,
            String link) {}

    @EventListener
    void on(OpportunityChanged changed) {
        if (RUNNING.get() || changed.change() == OpportunityChanged.Change.UPDATED) {
            return;
        }
        Set<TriggerType> types = EnumSet.of(TriggerType.STAGE_ENTERED);
        if (changed.change() == OpportunityChanged.Change.STAGE_CHANGED && changed.status() == StageKind.WON) {
            types.add(TriggerType.DEAL_WON);
        } else if (changed.change() == OpportunityChanged.Change.STAGE_CHANGED && changed.status() == StageKind.LOST) {
            types.add(TriggerType.DEAL_LOST);
        }
        later(new Fired(
                RecordType.OPPORTUNITY,
                changed.opportunityId(),
                changed.ownerId(),
                types,
                changed.pipelineId(),
                changed.stageId(),
                null,
                "deal:" + changed.opportunityId() + ":" + changed.stageId() + ":" + micros(changed.at()),
                "/opportunities/" + changed.opportunityId()));
    }

    @EventListener
    void on(LeadChange change) {
        boolean movesStatus = change instanceof LeadChange.StatusChanged
                || change instanceof LeadChange.HandedOff
                || change instanceof LeadChange.Accepted
                || change instanceof LeadChange.Rejected
                || change instanceof LeadChange.Disqualified
                || change instanceof LeadChange.Reopened
                || change instanceof LeadChange.Converted;
        if (RUNNING.get() || !movesStatus) {
            return;
        }
        LeadView lead = leads.recorded(change.leadId()).orElse(null);
        if (lead == null) {
            return;
        }
        later(new Fired(
                RecordType.LEAD,
                lead.id(),
                lead.ownerId(),
                EnumSet.of(TriggerType.LEAD_STATUS),
                0,
                0,
                lead.status().name(),
                "lead:" + lead.id() + ":" + lead.status() + ":" + micros(change.at()),
                "/leads/" + lead.id()));
    }

    private void later(Fired fired) {
        if (CurrentUser.find().isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            run(List.of(fired));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Fired> pending = (List<Fired>) TransactionSynchronizationManager.getResource(AutomationRunner.class);
        if (pending == null) {
            List<Fired> queue = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(AutomationRunner.class, queue);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    run(queue);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(AutomationRunner.class);
                }
            });
            pending = queue;
        }
        pending.add(fired);
    }

    private void run(List<Fired> queue) {
        RUNNING.set(true);
        try {
            for (int i = 0; i < queue.size(); i++) {
                Fired fired = queue.get(i);
                for (AutomationRule rule : rules.findByEnabledTrueAndTriggerTypeInOrderByIdAsc(fired.types())) {
                    AutomationView view = rule.toView();
                    if (matches(view.trigger(), fired) && claim(view, fired)) {
                        act(view, fired);
                    }
                }
            }
        } finally {
            RUNNING.set(false);
        }
    }

    private static boolean matches(AutomationView.Trigger trigger, Fired fired) {
        return switch (trigger.type()) {
            case STAGE_ENTERED ->
                fired.types().contains(TriggerType.STAGE_ENTERED)
                        && trigger.stageId() != null
                        && trigger.stageId() == fired.stageId();
            case DEAL_WON, DEAL_LOST ->
                fired.types().contains(trigger.type())
                        && (trigger.pipelineId() == null || trigger.pipelineId() == fired.pipelineId());
            case LEAD_STATUS ->
                fired.types().contains(TriggerType.LEAD_STATUS)
                        && fired.status().equals(trigger.status());
        };
    }

    /** Writes the run before acting; a run already written for this trigger means the rule has acted. */
    private boolean claim(AutomationView rule, Fired fired) {
        return !jdbc.sql("""
                insert into automation_run (tenant_id, id, rule_id, rule_name, trigger_key, record_type, record_id,
                  ran_at, actor_id)
                values (:tenant, nextval('automation_run_seq'), :rule, :name, :key, :type, :record, :now, :actor)
                on conflict (tenant_id, rule_id, trigger_key) do nothing
                returning id""")
                .param("tenant", TenantContext.require())
                .param("rule", rule.id())
                .param("name", rule.name())
                .param("key", fired.key())
                .param("type", fired.recordType().name())
                .param("record", fired.recordId())
                .param("now", Timestamp.from(Instant.now()))
                .param("actor", CurrentUser.get().id())
                .query(Long.class)
                .list()
                .isEmpty();
    }

    private void act(AutomationView rule, Fired fired) {
        List<List<String>> effects = new ArrayList<>();
        long me = CurrentUser.get().id();
        long owner = fired.ownerId() == null ? me : fired.ownerId();
        for (Action action : rule.actions()) {
            switch (action.type()) {
                case CREATE_TASK -> {
                    long assignee = action.assigneeId() != null && activeUser(action.assigneeId()) != null
                            ? action.assigneeId()
                            : owner;
                    tasks.add(
                            new Tasks.TaskCmd(
                                    action.title().trim(),
                                    Instant.now().plus(Duration.ofDays(action.dueInDays())),
                                    null,
                                    assignee,
                                    fired.recordType(),
                                    fired.recordId()),
                            CurrentUser.actor());
                    effects.add(List.of(
                            "automation.effect.task",
                            rule.name(),
                            action.title().trim()));
                }
                case SET_FIELD -> {
                    String shown = setters.setterFor(fired.recordType(), action.field())
                            .set(
                                    fired.recordType(),
                                    fired.recordId(),
                                    action.field(),
                                    action.value(),
                                    CurrentUser.actor());
                    effects.add(List.of("automation.effect.field", rule.name(), action.field(), shown));
                }
                case NOTIFY_OWNER -> {
                    notifications.tell(owner, "automation.notice", fired.link(), rule.name(), action.message());
                    effects.add(List.of("automation.effect.notified", rule.name(), name(owner)));
                }
                case EMAIL_OWNER -> {
                    UserSummary to = activeUser(owner);
                    boolean queued =
                            to != null && mail.sendAfterCommit(to, rule.name(), action.message(), fired.link());
                    effects.add(List.of(
                            queued ? "automation.effect.emailed" : "automation.effect.notEmailed",
                            rule.name(),
                            name(owner)));
                }
            }
        }
        jdbc.sql("update automation_run set effects = :effects where tenant_id = :tenant and rule_id = :rule"
                        + " and trigger_key = :key")
                .param("effects", JSON.writeValueAsString(effects))
                .param("tenant", TenantContext.require())
                .param("rule", rule.id())
                .param("key", fired.key())
                .update();
    }

    private UserSummary activeUser(long id) {
        return people.findUser(id).filter(UserSummary::active).orElse(null);
    }

    private String name(long userId) {
        return people.findUser(userId).map(UserSummary::name).orElse("#" + userId);
    }

    private static long micros(Instant at) {
        return at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
    }
}
