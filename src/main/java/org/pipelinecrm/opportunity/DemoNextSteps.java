package org.pipelinecrm.opportunity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskPriority;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Next steps for most of the demo's open deals — some overdue, most in the coming two weeks — so that the
 * board shows what a worked pipeline looks like, and the deals without one stand out.
 */
@Component
class DemoNextSteps implements DemoContributor {

    private static final String[] STEPS = {
        "Call to agree the next steps",
        "Send the proposal",
        "Book the demo",
        "Confirm the budget with finance",
        "Meet the decision maker",
        "Send the contract draft"
    };

    private final JdbcClient jdbc;
    private final Tasks tasks;

    DemoNextSteps(JdbcClient jdbc, Tasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    @Override
    public int order() {
        return 30; // right after the deals
    }

    @Override
    @Transactional
    public void populate(DemoWorkspace demo) {
        Random random = demo.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // contributors run as the demo's admin
        Actor admin = new Actor(demo.adminId(), demo.id(), Role.ADMIN, null);
        var open = jdbc.sql("select id, owner_id from opportunity where status = 'OPEN' order by id")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        for (long[] deal : open) {
            if (random.nextInt(3) == 0) {
                continue; // about a third have none
            }
            Instant due = now.plus(Duration.ofHours(24L * (random.nextInt(18) - 3) + 9));
            tasks.add(
                    new Tasks.TaskCmd(
                            STEPS[random.nextInt(STEPS.length)],
                            due,
                            random.nextInt(4) == 0 ? TaskPriority.HIGH : TaskPriority.NORMAL,
                            deal[1],
                            RecordType.OPPORTUNITY,
                            deal[0]),
                    admin);
        }
    }
}
