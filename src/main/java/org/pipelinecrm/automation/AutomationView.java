package org.pipelinecrm.automation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** A rule as the API shows it and takes it: when {@code trigger} happens, do each of {@code actions} in turn. */
public record AutomationView(
        long id, String name, Trigger trigger, List<Action> actions, boolean enabled, Instant createdAt, long version) {

    public enum TriggerType {
        STAGE_ENTERED,
        DEAL_WON,
        DEAL_LOST,
        LEAD_STATUS
    }

    public enum ActionType {
        CREATE_TASK,
        SET_FIELD,
        NOTIFY_OWNER,
        EMAIL_OWNER
    }

    /**
     * STAGE_ENTERED needs {@code pipelineId} and {@code stageId}; DEAL_WON and DEAL_LOST take an optional
     * {@code pipelineId} (none: every pipeline); LEAD_STATUS needs {@code status}.
     */
    public record Trigger(@NotNull TriggerType type, Long pipelineId, Long stageId, String status) {}

    /**
     * CREATE_TASK: {@code title}, {@code dueInDays}, {@code assigneeId} (none: the record's owner); SET_FIELD:
     * {@code field}, {@code value}; NOTIFY_OWNER and EMAIL_OWNER: {@code message}.
     */
    public record Action(
            @NotNull ActionType type,
            @Size(max = 200) String title,
            @Min(0) @Max(365) Integer dueInDays,
            Long assigneeId,
            @Size(max = 60) String field,
            @Size(max = 500) String value,
            @Size(max = 500) String message) {}

    /** A new rule, or a change (fields left out stay as they are; {@code version} then guards it). */
    public record Cmd(
            @Size(min = 1, max = 120) String name,
            @Valid Trigger trigger,
            @Valid @Size(min = 1, max = 10) List<@Valid @NotNull Action> actions,
            Boolean enabled,
            Long version) {}
}
