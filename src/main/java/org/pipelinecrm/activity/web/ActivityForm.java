package org.pipelinecrm.activity.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.Direction;

/** The page form that logs or edits an activity; {@code occurredAt} is a {@code datetime-local} value. */
record ActivityForm(
        @NotNull ActivityKind kind,
        @NotBlank @Size(max = 200) String subject,
        @Size(max = 20000) String body,
        Direction direction,
        String occurredAt,
        @Min(0) @Max(1440) Integer durationMinutes,
        @Size(max = 200) String outcome,
        Long version) {}
