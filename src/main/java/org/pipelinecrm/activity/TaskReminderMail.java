package org.pipelinecrm.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.shared.CrmSettings;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mails each assignee about their open tasks due within the next hour, once per task and due time.
 * A reminder is claimed in the database before it is sent (an update that only one transaction can win),
 * so several app instances never send the same one twice; a reminder that could not be sent is released
 * for the next round.
 */
@Service
class TaskReminderMail {

    private static final Logger log = LoggerFactory.getLogger(TaskReminderMail.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Workspaces workspaces;
    private final People people;
    private final MessageSource messages;
    private final Formats formats;
    private final String from;

    TaskReminderMail(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Workspaces workspaces,
            People people,
            MessageSource messages,
            Formats formats,
            CrmSettings settings) {
        String from = settings.reminders().from();
        this.jdbc = jdbc;
        this.tx = tx;
        this.workspaces = workspaces;
        this.people = people;
        this.messages = messages;
        this.formats = formats;
        this.from = from;
    }

    /** Sends the due reminders of every workspace; answers how many were sent. */
    int sendDue(JavaMailSender mail) {
        int sent = 0;
        for (long workspace : workspaces.allIds()) {
            sent += TenantContext.callAs(workspace, () -> sendDueInWorkspace(mail));
        }
        return sent;
    }

    private int sendDueInWorkspace(JavaMailSender mail) {
        Instant now = Instant.now();
        List<Claimed> claimed = tx.execute(status -> jdbc.sql("""
                update sales_task set reminded_at = :now
                where completed_at is null and reminded_at is null and due_at >= :now and due_at < :until
                returning id, title, due_at, assignee_id""")
                .param("now", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(now.plusSeconds(3600)))
                .query((rs, i) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getLong("assignee_id")))
                .list());
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        ZoneId zone = workspaces.current().timeZone();
        int sent = 0;
        for (Claimed task : claimed) {
            try {
                mail.send(message(task, zone));
                sent++;
            } catch (MailException | IllegalStateException e) {
                log.warn("Task reminder {} not sent, will try again: {}", task.id(), e.getMessage());
                tx.executeWithoutResult(status -> jdbc.sql("update sales_task set reminded_at = null where id = ?")
                        .param(task.id())
                        .update());
            }
        }
        return sent;
    }

    private SimpleMailMessage message(Claimed task, ZoneId zone) {
        UserSummary assignee = people.findUser(task.assigneeId())
                .orElseThrow(() -> new IllegalStateException("no assignee " + task.assigneeId()));
        Locale previous = LocaleContextHolder.getLocale();
        Locale locale = Locale.forLanguageTag(assignee.locale() == null ? "en" : assignee.locale());
        LocaleContextHolder.setLocale(locale);
        try {
            String due = formats.dateTime(task.dueAt(), zone);
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(assignee.email());
            message.setSubject(messages.getMessage("task.reminder.subject", new Object[] {task.title()}, locale));
            message.setText(messages.getMessage(
                    "task.reminder.body", new Object[] {assignee.name(), task.title(), due}, locale));
            return message;
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private record Claimed(long id, String title, Instant dueAt, long assigneeId) {}
}
