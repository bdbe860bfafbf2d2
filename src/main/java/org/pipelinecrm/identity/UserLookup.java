package org.pipelinecrm.identity;

import java.util.Optional;
import org.pipelinecrm.shared.database.SessionSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds people by e-mail or API token before any workspace is known. Row-level security admits only
 * the one row whose e-mail (or token hash) the transaction names.
 */
@Component
public class UserLookup implements UserDetailsService {

    private static final String USER_COLUMNS =
            "id, tenant_id, email, name, role, team_id, active, locale, password_hash from app_user";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    UserLookup(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public CrmUser loadUserByUsername(String email) {
        String key = email == null ? "" : email.trim().toLowerCase();
        return tx.execute(status -> {
            jdbc.sql(SessionSettings.setLocal("app.login_email", key)).update();
            long tenant = jdbc.sql("select workspace_id from login_email where email = ?")
                    .param(key)
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> new UsernameNotFoundException("No such user"));
            enter(tenant);
            return jdbc.sql("select " + USER_COLUMNS + " where tenant_id = ? and lower(email) = ?")
                    .param(tenant)
                    .param(key)
                    .query(UserLookup::toUser)
                    .optional()
                    .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        });
    }

    /** The token's owner, if the token exists; records when it was last used. */
    public Optional<CrmUser> findByToken(String token) {
        String hash = ApiTokens.hash(token);
        return tx.execute(status -> {
            jdbc.sql(SessionSettings.setLocal("app.token_hash", hash)).update();
            var workspace = jdbc.sql("select workspace_id from api_token_hash where token_hash = ?")
                    .param(hash)
                    .query(Long.class)
                    .optional();
            if (workspace.isEmpty()) {
                return Optional.<CrmUser>empty();
            }
            long tenant = workspace.get();
            enter(tenant);
            var owner = jdbc.sql("select user_id from api_token where tenant_id = ? and token_hash = ?")
                    .param(tenant)
                    .param(hash)
                    .query(Long.class)
                    .optional();
            if (owner.isEmpty()) {
                return Optional.<CrmUser>empty();
            }
            // at most once a minute: a write (and its commit flush) on every API call would cost more than the call
            jdbc.sql("update api_token set last_used_at = now() where tenant_id = ? and token_hash = ? "
                            + "and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                    .param(tenant)
                    .param(hash)
                    .update();
            return jdbc.sql("select " + USER_COLUMNS + " where id = ?")
                    .param(owner.get())
                    .query(UserLookup::toUser)
                    .optional();
        });
    }

    /** The rest of the lookup reads inside the workspace the key named, one shard on a distributed database. */
    private void enter(long tenant) {
        jdbc.sql(SessionSettings.setLocal("app.tenant_id", Long.toString(tenant)))
                .update();
    }

    private static CrmUser toUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CrmUser(
                rs.getLong("id"),
                rs.getLong("tenant_id"),
                rs.getString("email"),
                rs.getString("name"),
                Role.valueOf(rs.getString("role")),
                (Long) rs.getObject("team_id"),
                rs.getBoolean("active"),
                rs.getString("locale"),
                rs.getString("password_hash"));
    }
}
