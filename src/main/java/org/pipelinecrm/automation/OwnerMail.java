package org.pipelinecrm.automation;

import java.util.Locale;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.shared.CrmSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * An automation's e-mail to a record's owner, through the same SMTP server and sender as the task reminders
 * ({@code spring.mail.host}, {@code CRM_REMINDERS_FROM}). Sent once the change has committed, so a change that
 * was rolled back mails nobody; without an SMTP server nothing is sent and the run says so.
 */
@Component
class OwnerMail {

    private static final Logger log = LoggerFactory.getLogger(OwnerMail.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final String from;

    OwnerMail(ObjectProvider<JavaMailSender> mail, MessageSource messages, CrmSettings settings) {
        this.mail = mail;
        this.messages = messages;
        this.from = settings.reminders().from();
    }

    /** False when no SMTP server is set up. */
    boolean sendAfterCommit(UserSummary to, String rule, String text, String link) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        Locale locale = Locale.forLanguageTag(to.locale() == null ? "en" : to.locale());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject(messages.getMessage("automation.mail.subject", new Object[] {rule}, locale));
        message.setText(messages.getMessage("automation.mail.body", new Object[] {to.name(), text, link}, locale));
        Runnable send = () -> {
            try {
                sender.send(message);
            } catch (MailException e) {
                log.warn("Automation e-mail of rule {} not sent: {}", rule, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
        return true;
    }
}
