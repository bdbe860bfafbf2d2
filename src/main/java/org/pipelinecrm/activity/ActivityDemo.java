package org.pipelinecrm.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.springframework.stereotype.Component;

/**
 * The demo workspace's tasks: overdue, today and upcoming, so My tasks and the reminder have something to
 * show. Tasks on leads and deals come with those modules, which own the records.
 */
@Component
class ActivityDemo implements DemoContributor {

    private final Tasks tasks;

    ActivityDemo(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 900; // after the modules that create records
    }

    @Override
    public void populate(DemoWorkspace demo) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        // contributors run as the demo's admin
        Actor admin = new Actor(demo.adminId(), demo.id(), Role.ADMIN, null);
        tasks.add(
                new TaskCmd(
                        "Prepare the quarterly pipeline review",
                        now.plus(2, ChronoUnit.DAYS),
                        TaskPriority.NORMAL,
                        demo.managerId(),
                        null,
                        null),
                admin);
        for (long rep : demo.repIds()) {
            tasks.add(
                    new TaskCmd(
                            "Follow up on last week's demo",
                            now.minus(1, ChronoUnit.DAYS),
                            TaskPriority.HIGH,
                            rep,
                            null,
                            null),
                    admin);
            tasks.add(
                    new TaskCmd(
                            "Confirm tomorrow's meeting",
                            now.plus(45, ChronoUnit.MINUTES),
                            TaskPriority.NORMAL,
                            rep,
                            null,
                            null),
                    admin);
        }
    }
}
