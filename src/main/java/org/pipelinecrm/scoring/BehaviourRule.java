package org.pipelinecrm.scoring;

import jakarta.validation.constraints.NotBlank;

/** Points for each occurrence of a behaviour event; negative for signals like UNSUBSCRIBED. */
public record BehaviourRule(@NotBlank String eventType, int points) {}
