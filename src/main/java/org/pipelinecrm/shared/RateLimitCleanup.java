package org.pipelinecrm.shared;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Expired rate-limit buckets are removed every few minutes, by one instance at a time (db-scheduler). */
@Configuration(proxyBeanMethods = false)
class RateLimitCleanup {

    @Bean
    RecurringTask<Void> expiredRateLimits(RateLimiter limiter) {
        return Tasks.recurring("expired-rate-limits", Schedules.fixedDelay(Duration.ofMinutes(5)))
                .execute((instance, context) -> limiter.removeExpired());
    }
}
