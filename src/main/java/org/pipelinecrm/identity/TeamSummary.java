package org.pipelinecrm.identity;

public record TeamSummary(long id, String name, long version) {}
