package org.pipelinecrm.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells people things in the app. A notification keeps its message key and arguments, so each reader sees it in
 * their own language; it joins the transaction of what caused it.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final People people;
    private final MessageSource messages;

    Notifications(JdbcClient jdbc, People people, MessageSource messages) {
        this.jdbc = jdbc;
        this.people = people;
        this.messages = messages;
    }

    /** Tells one person; {@code link} is a path in the app or null. */
    @Transactional
    public void tell(long userId, String messageKey, String link, Object... arguments) {
        jdbc.sql("""
                insert into notification (tenant_id, id, user_id, message_key, arguments, link, created_at)
                values (:tenant, nextval('notification_seq'), :user, :key, :arguments, :link, :now)""")
                .param("tenant", TenantContext.require())
                .param("user", userId)
                .param("key", messageKey)
                .param(
                        "arguments",
                        JSON.writeValueAsString(
                                List.of(arguments).stream().map(String::valueOf).toList()))
                .param("link", link)
                .param("now", Timestamp.from(Instant.now()))
                .update();
    }

    /** Tells every active admin of the workspace. */
    @Transactional
    public void tellAdmins(String messageKey, String link, Object... arguments) {
        for (UserSummary user : people.users()) {
            if (user.active() && user.role() == Role.ADMIN) {
                tell(user.id(), messageKey, link, arguments);
            }
        }
    }

    /** The newest notifications of {@code to}, in their language. */
    public List<NotificationView> mine(Locale locale, Actor to) {
        return jdbc.sql("""
                select id, message_key, arguments, link, created_at, read_at from notification
                where tenant_id = :tenant and user_id = :user order by id desc limit 100""")
                .param("tenant", TenantContext.require())
                .param("user", to.id())
                .query((rs, i) -> {
                    List<String> args = JSON.readValue(rs.getString("arguments"), new TypeReference<List<String>>() {});
                    return new NotificationView(
                            rs.getLong("id"),
                            messages.getMessage(rs.getString("message_key"), args.toArray(), locale),
                            rs.getString("link"),
                            rs.getTimestamp("created_at").toInstant(),
                            rs.getTimestamp("read_at") != null);
                })
                .list();
    }

    public long unreadCount(Actor of) {
        return jdbc.sql("select count(*) from notification where tenant_id = :tenant and user_id = :user"
                        + " and read_at is null")
                .param("tenant", TenantContext.require())
                .param("user", of.id())
                .query(Long.class)
                .single();
    }

    /** Marks all notifications of {@code of} read. */
    @Transactional
    public void readAll(Actor of) {
        jdbc.sql("update notification set read_at = :now where tenant_id = :tenant and user_id = :user"
                        + " and read_at is null")
                .param("now", Timestamp.from(Instant.now()))
                .param("tenant", TenantContext.require())
                .param("user", of.id())
                .update();
    }

    public record NotificationView(long id, String text, String link, Instant at, boolean read) {}
}
