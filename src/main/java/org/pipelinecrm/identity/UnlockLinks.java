package org.pipelinecrm.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.pipelinecrm.shared.CrmSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * When an account's sign-in starts to be delayed and an SMTP server is configured, its owner gets a
 * one-time link that lifts the delay: whoever is guessing cannot keep the real person waiting. Only the
 * link's hash is stored; it works once, within a day.
 */
@Component
public class UnlockLinks {

    private static final Logger log = LoggerFactory.getLogger(UnlockLinks.class);
    private static final Duration VALID_FOR = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserLookup users;
    private final SignInDelays delays;
    private final MessageSource messages;
    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    UnlockLinks(
            JdbcClient jdbc,
            UserLookup users,
            SignInDelays delays,
            MessageSource messages,
            ObjectProvider<JavaMailSender> mail,
            CrmSettings settings) {
        String from = settings.reminders().from();
        this.jdbc = jdbc;
        this.users = users;
        this.delays = delays;
        this.messages = messages;
        this.mail = mail;
        this.from = from;
    }

    /** Mails the link when e-mail is configured; an unknown or deactivated account gets nothing. */
    public void offer(String email, String baseUrl) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender != null) {
            offer(email, baseUrl, sender);
        }
    }

    void offer(String email, String baseUrl, JavaMailSender sender) {
        CrmUser user;
        try {
            user = users.loadUserByUsername(email);
        } catch (UsernameNotFoundException e) {
            return;
        }
        if (!user.isEnabled()) {
            return;
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql(
                        "insert into sign_in_unlock (token_hash, email, expires_at) values (?, ?, now() + make_interval(secs => ?))")
                .param(ApiTokens.hash(token))
                .param(user.email())
                .param(VALID_FOR.toSeconds())
                .update();
        Locale locale = Locale.forLanguageTag(user.locale() == null ? "en" : user.locale());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(user.email());
        message.setSubject(messages.getMessage("unlock.mail.subject", null, locale));
        message.setText(messages.getMessage(
                "unlock.mail.body", new Object[] {user.name(), baseUrl + "/login/unlock?token=" + token}, locale));
        try {
            sender.send(message);
        } catch (MailException e) {
            log.warn("Unlock link for a delayed sign-in not sent: {}", e.getMessage());
        }
    }

    /** Uses up the link and lifts its account's delay; empty when the link is unknown, used or expired. */
    public Optional<String> redeem(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Optional<String> email = jdbc.sql(
                        "delete from sign_in_unlock where token_hash = ? returning email, expires_at > now()")
                .param(ApiTokens.hash(token))
                .query((rs, n) -> new Redeemed(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .filter(Redeemed::valid)
                .map(Redeemed::email);
        email.ifPresent(delays::unlock);
        return email;
    }

    /** Drops expired links; answers how many. */
    public int forgetExpired() {
        return jdbc.sql("delete from sign_in_unlock where expires_at < now()").update();
    }

    private record Redeemed(String email, boolean valid) {}
}
