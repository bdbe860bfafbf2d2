package org.pipelinecrm.demo;

import java.util.List;
import java.util.Random;

/**
 * What contributors need to know of a demo workspace: its people and teams. Contributors run as its
 * admin, inside it; {@link #random()} is seeded, so the same demo comes out every time.
 */
public record DemoWorkspace(
        long id,
        String adminEmail,
        long adminId,
        long managerId,
        List<Long> repIds,
        long marketerId,
        long salesTeamId,
        long marketingTeamId,
        Random random) {}
