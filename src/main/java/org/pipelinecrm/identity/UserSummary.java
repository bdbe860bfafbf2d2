package org.pipelinecrm.identity;

public record UserSummary(
        long id, String email, String name, Role role, Long teamId, boolean active, String locale, long version) {}
