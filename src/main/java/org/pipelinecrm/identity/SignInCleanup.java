package org.pipelinecrm.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Old sign-in failures and expired unlock links are removed every few minutes, by one instance at a time. */
@Configuration(proxyBeanMethods = false)
class SignInCleanup {

    @Bean
    RecurringTask<Void> forgottenSignInFailures(SignInDelays delays, UnlockLinks links) {
        return Tasks.recurring("forgotten-sign-in-failures", Schedules.fixedDelay(Duration.ofMinutes(5)))
                .execute((instance, context) -> {
                    delays.forgetOld();
                    links.forgetExpired();
                });
    }
}
