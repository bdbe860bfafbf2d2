package org.pipelinecrm.activity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.activity.TaskPriority;

/** The page form that adds a task to a record; {@code dueAt} is a {@code datetime-local} value. */
record TaskForm(
        @NotBlank @Size(max = 200) String title, @NotBlank String dueAt, TaskPriority priority) {}
