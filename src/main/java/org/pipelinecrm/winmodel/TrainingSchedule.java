package org.pipelinecrm.winmodel;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * When win models are trained: every night in every workspace, and when someone asks (one execution per workspace,
 * {@code win-model-train}, instance {@code tenant-<id>}). db-scheduler runs each on one app instance only.
 */
@Configuration(proxyBeanMethods = false)
class TrainingSchedule {

    @Bean
    static OneTimeTask<Long> winModelTrain(@Lazy WinModels models) {
        return Tasks.oneTime("win-model-train", Long.class)
                .execute((instance, context) -> TenantContext.runAs(instance.getData(), models::train));
    }

    @Bean
    static RecurringTask<Void> winModelNightly(@Lazy Workspaces workspaces, @Lazy WinModels models) {
        return Tasks.recurring("win-model-nightly", Schedules.cron("0 30 2 * * *"))
                .execute((instance, context) -> {
                    for (long id : workspaces.allIds()) {
                        TenantContext.runAs(id, models::train);
                    }
                });
    }
}
