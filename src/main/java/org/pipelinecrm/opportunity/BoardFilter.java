package org.pipelinecrm.opportunity;

/** What the board shows: one pipeline, maybe one owner or team, maybe a text to find in deal names. */
public record BoardFilter(long pipelineId, Long ownerId, Long teamId, String text) {}
