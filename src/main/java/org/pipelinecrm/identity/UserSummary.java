package org.pipelinecrm.identity;

/** A person of the workspace; {@code former} is a rep of an imported history who never signs in here. */
public record UserSummary(
        long id,
        String email,
        String name,
        Role role,
        Long teamId,
        boolean active,
        String locale,
        long version,
        boolean former) {}
