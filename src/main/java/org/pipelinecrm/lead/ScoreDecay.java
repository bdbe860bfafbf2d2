package org.pipelinecrm.lead;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Weekly decay: behaviour points fade with the age of each event, so stored scores are refreshed once a
 * week in every workspace. db-scheduler runs it on one app instance only.
 */
@Configuration(proxyBeanMethods = false)
class ScoreDecay {

    @Bean
    RecurringTask<Void> leadScoreDecay(Workspaces workspaces, LeadRescoring rescoring) {
        return Tasks.recurring("lead-score-decay", Schedules.cron("0 0 3 * * MON"))
                .execute((instance, context) -> {
                    for (long id : workspaces.allIds()) {
                        TenantContext.runAs(id, rescoring::rescoreAll);
                    }
                });
    }
}
