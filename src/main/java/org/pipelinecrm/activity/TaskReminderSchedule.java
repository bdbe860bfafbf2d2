package org.pipelinecrm.activity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Reminder e-mails every minute, only when an SMTP server is configured ({@code spring.mail.host}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.mail.host")
class TaskReminderSchedule {

    @Bean
    RecurringTask<Void> taskEmailReminders(TaskReminderMail reminders, JavaMailSender mail) {
        return Tasks.recurring("task-email-reminders", Schedules.fixedDelay(Duration.ofMinutes(1)))
                .execute((instance, context) -> reminders.sendDue(mail));
    }
}
