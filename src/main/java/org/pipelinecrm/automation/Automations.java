package org.pipelinecrm.automation;

import java.time.Instant;
import java.util.List;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.automation.AutomationView.Action;
import org.pipelinecrm.automation.AutomationView.ActionType;
import org.pipelinecrm.automation.AutomationView.Cmd;
import org.pipelinecrm.automation.AutomationView.Trigger;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's automation rules; admins and managers write them, and a rule is checked whole when saved. */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
public class Automations {

    private final AutomationRuleRepository rules;
    private final Pipelines pipelines;
    private final People people;
    private final FieldSetters setters;

    Automations(AutomationRuleRepository rules, Pipelines pipelines, People people, FieldSetters setters) {
        this.rules = rules;
        this.pipelines = pipelines;
        this.people = people;
        this.setters = setters;
    }

    public List<AutomationView> all() {
        return rules.findAllByOrderByIdAsc().stream()
                .map(AutomationRule::toView)
                .toList();
    }

    public AutomationView get(long id) {
        return load(id).toView();
    }

    @Transactional
    public AutomationView create(Cmd cmd) {
        if (cmd.name() == null || cmd.name().isBlank()) {
            throw new InvalidInputException("name", "automation.name.required", "A rule needs a name");
        }
        if (cmd.trigger() == null) {
            throw new InvalidInputException("trigger", "automation.trigger.required", "A rule needs a trigger");
        }
        if (cmd.actions() == null || cmd.actions().isEmpty()) {
            throw new InvalidInputException("actions", "automation.actions.required", "A rule needs an action");
        }
        AutomationRule rule = new AutomationRule(Instant.now());
        define(rule, cmd.name().trim(), cmd.trigger(), cmd.actions(), cmd.enabled() == null || cmd.enabled());
        return rules.saveAndFlush(rule).toView();
    }

    @Transactional
    public AutomationView change(long id, Cmd cmd) {
        AutomationRule rule = load(id);
        rule.checkVersion(cmd.version());
        AutomationView now = rule.toView();
        if (cmd.name() != null && cmd.name().isBlank()) {
            throw new InvalidInputException("name", "automation.name.required", "A rule needs a name");
        }
        define(
                rule,
                cmd.name() == null ? now.name() : cmd.name().trim(),
                cmd.trigger() == null ? now.trigger() : cmd.trigger(),
                cmd.actions() == null ? now.actions() : cmd.actions(),
                cmd.enabled() == null ? now.enabled() : cmd.enabled());
        return rules.saveAndFlush(rule).toView();
    }

    @Transactional
    public void delete(long id) {
        rules.delete(load(id));
    }

    private AutomationRule load(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("Automation", id));
    }

    private void define(AutomationRule rule, String name, Trigger trigger, List<Action> actions, boolean enabled) {
        if (name.length() > 120) {
            throw new InvalidInputException("name", "automation.name.required", "A rule needs a name");
        }
        if (actions.size() > 10 || actions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInputException("actions", "automation.actions.required", "A rule needs an action");
        }
        if (actions.isEmpty()) {
            throw new InvalidInputException("actions", "automation.actions.required", "A rule needs an action");
        }
        checkTrigger(trigger);
        RecordType record = trigger.type() == TriggerType.LEAD_STATUS ? RecordType.LEAD : RecordType.OPPORTUNITY;
        for (Action action : actions) {
            checkAction(action, record);
        }
        rule.define(name, trigger, actions, enabled);
    }

    private void checkTrigger(Trigger trigger) {
        switch (trigger.type()) {
            case STAGE_ENTERED -> {
                if (trigger.pipelineId() == null || trigger.stageId() == null) {
                    throw new InvalidInputException(
                            "trigger.stageId", "automation.trigger.stage", "Choose the pipeline and the stage");
                }
                stageOf(trigger.pipelineId(), trigger.stageId());
            }
            case DEAL_WON, DEAL_LOST -> {
                if (trigger.pipelineId() != null) {
                    pipeline(trigger.pipelineId());
                }
            }
            case LEAD_STATUS -> {
                boolean known = trigger.status() != null
                        && java.util.Arrays.stream(LeadStatus.values())
                                .anyMatch(s -> s.name().equals(trigger.status()));
                if (!known) {
                    throw new InvalidInputException(
                            "trigger.status", "automation.trigger.status", "Choose the lead status");
                }
            }
        }
    }

    private PipelineView pipeline(long id) {
        return pipelines.visible().stream()
                .filter(p -> p.id() == id)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "trigger.pipelineId", "automation.trigger.pipeline", "No such pipeline"));
    }

    private StageView stageOf(long pipelineId, long stageId) {
        return pipeline(pipelineId).stages().stream()
                .filter(s -> s.id() == stageId)
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        "trigger.stageId", "automation.trigger.stage", "Choose the pipeline and the stage"));
    }

    private void checkAction(Action action, RecordType record) {
        if (action.type() == ActionType.CREATE_TASK) {
            if (action.title() == null
                    || action.title().isBlank()
                    || action.title().length() > 200) {
                throw new InvalidInputException("actions", "automation.task.title", "A task needs a title");
            }
            if (action.dueInDays() == null) {
                throw new InvalidInputException("actions", "automation.task.due", "Say in how many days it is due");
            }
            if (action.assigneeId() != null
                    && people.findUser(action.assigneeId())
                            .filter(u -> u.active())
                            .isEmpty()) {
                throw new InvalidInputException("actions", "automation.task.assignee", "No such person");
            }
        } else if (action.type() == ActionType.SET_FIELD) {
            FieldSetter setter = setters.setterFor(record, action.field());
            setter.check(record, action.field(), action.value());
        } else if (action.message() == null
                || action.message().isBlank()
                || action.message().length() > 500) {
            throw new InvalidInputException("actions", "automation.message.required", "Write the message");
        }
    }
}
