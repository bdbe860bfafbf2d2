package org.pipelinecrm.automation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.automation.AutomationView.Action;
import org.pipelinecrm.automation.AutomationView.Trigger;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.pipelinecrm.shared.TenantOwned;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One rule of a workspace: its trigger in columns (so that a change finds its rules by query), actions as JSON. */
@Entity
class AutomationRule extends TenantOwned {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private TriggerType triggerType;

    private Long pipelineId;
    private Long stageId;
    private String leadStatus;
    private String actions;
    private boolean enabled = true;
    private Instant createdAt;

    @Version
    private long version;

    protected AutomationRule() {}

    AutomationRule(Instant now) {
        this.createdAt = now;
    }

    void define(String name, Trigger trigger, List<Action> actions, boolean enabled) {
        this.name = name;
        this.triggerType = trigger.type();
        this.pipelineId = trigger.pipelineId();
        this.stageId = trigger.type() == TriggerType.STAGE_ENTERED ? trigger.stageId() : null;
        this.leadStatus = trigger.type() == TriggerType.LEAD_STATUS ? trigger.status() : null;
        if (trigger.type() == TriggerType.LEAD_STATUS) {
            this.pipelineId = null;
        }
        this.actions = JSON.writeValueAsString(actions);
        this.enabled = enabled;
    }

    void checkVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new ObjectOptimisticLockingFailureException(AutomationRule.class, id);
        }
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    AutomationView toView() {
        return new AutomationView(
                id,
                name,
                new Trigger(triggerType, pipelineId, stageId, leadStatus),
                JSON.readValue(actions, new TypeReference<List<Action>>() {}),
                enabled,
                createdAt,
                version);
    }
}
