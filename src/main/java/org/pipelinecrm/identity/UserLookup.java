package org.pipelinecrm.identity;

import java.util.Optional;
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
            jdbc.sql("select set_config('app.login_email', ?, true)")
                    .param(key)
                    .query()
                    .singleValue();
            return jdbc.sql("select " + USER_COLUMNS + " where lower(email) = ?")
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
            jdbc.sql("select set_config('app.token_hash', ?, true)")
                    .param(hash)
                    .query()
                    .singleValue();
            var owner = jdbc.sql("select tenant_id, user_id from api_token where token_hash = ?")
                    .param(hash)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                    .optional();
            if (owner.isEmpty()) {
                return Optional.<CrmUser>empty();
            }
            long tenant = owner.get()[0];
            jdbc.sql("select set_config('app.tenant_id', ?, true)")
                    .param(Long.toString(tenant))
                    .query()
                    .singleValue();
            // at most once a minute: a write (and its commit flush) on every API call would cost more than the call
            jdbc.sql("update api_token set last_used_at = now() where token_hash = ? "
                            + "and (last_used_at is null or last_used_at < now() - interval '1 minute')")
                    .param(hash)
                    .update();
            return jdbc.sql("select " + USER_COLUMNS + " where id = ?")
                    .param(owner.get()[1])
                    .query(UserLookup::toUser)
                    .optional();
        });
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
