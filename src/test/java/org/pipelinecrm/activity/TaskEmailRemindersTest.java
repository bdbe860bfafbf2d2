package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Reminder e-mails through a real (in-process) SMTP server: one per task and due time, even when two run at once. */
@IntegrationTest
class TaskEmailRemindersTest {

    static GreenMail smtp;
    static JavaMailSenderImpl sender;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Tasks tasks;

    @Autowired
    TaskReminderMail reminders;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void tasksDueWithinTheHourAreMailedToTheirAssigneeOnce() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        Instant now = Instant.now();
        long soon = workspaces.as(
                ws.adminEmail(),
                () -> tasks.add(
                                new TaskCmd(
                                        "Call back Initech",
                                        now.plus(30, ChronoUnit.MINUTES),
                                        TaskPriority.HIGH,
                                        rep.id(),
                                        null,
                                        null),
                                CurrentUser.actor())
                        .id());
        workspaces.as(
                ws.adminEmail(),
                () -> tasks.add(
                        new TaskCmd(
                                "Prepare the QBR",
                                now.plus(3, ChronoUnit.HOURS),
                                TaskPriority.NORMAL,
                                rep.id(),
                                null,
                                null),
                        CurrentUser.actor()));
        long done = workspaces.as(
                ws.adminEmail(),
                () -> tasks.add(
                                new TaskCmd(
                                        "Already handled",
                                        now.plus(20, ChronoUnit.MINUTES),
                                        TaskPriority.NORMAL,
                                        rep.id(),
                                        null,
                                        null),
                                CurrentUser.actor())
                        .id());
        workspaces.as(ws.adminEmail(), () -> tasks.complete(done, null, CurrentUser.actor()));

        // Two instances' jobs at the same moment: the database lets only one claim each reminder.
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> reminders.sendDue(sender));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> reminders.sendDue(sender));
        first.get();
        second.get();
        reminders.sendDue(sender);

        List<MimeMessage> mine = to(rep.email());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).getSubject()).isEqualTo("Reminder: Call back Initech");
        assertThat((String) mine.get(0).getContent()).contains("Call back Initech");

        // A new due time deserves a new reminder.
        workspaces.as(
                ws.adminEmail(),
                () -> tasks.change(
                        soon,
                        new TaskCmd(
                                "Call back Initech",
                                now.plus(50, ChronoUnit.MINUTES),
                                TaskPriority.HIGH,
                                rep.id(),
                                null,
                                null),
                        null,
                        CurrentUser.actor()));
        reminders.sendDue(sender);
        assertThat(to(rep.email())).hasSize(2);
    }

    private static List<MimeMessage> to(String email) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                found.add(m);
            }
        }
        return found;
    }
}
