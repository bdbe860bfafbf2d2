package org.pipelinecrm.webhook;

import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Encrypts, once the app is up, the signing secrets written before they were kept encrypted; until then a delivery
 * reads such a secret as it is. Each row is sealed only if it is still plain, so several instances starting together
 * do no harm.
 */
@Component
class SecretSealing {

    private static final Logger log = LoggerFactory.getLogger(SecretSealing.class);

    private final Workspaces workspaces;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SecretBox box;

    SecretSealing(Workspaces workspaces, JdbcClient jdbc, TransactionTemplate tx, SecretBox box) {
        this.workspaces = workspaces;
        this.jdbc = jdbc;
        this.tx = tx;
        this.box = box;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealPlainSecrets() {
        int sealed = 0;
        for (long tenant : workspaces.allIds()) {
            sealed += TenantContext.callAs(tenant, () -> seal(tenant));
        }
        if (sealed > 0) {
            log.info("Encrypted {} webhook secrets kept in plain text", sealed);
        }
    }

    /** Seals the workspace's plain secrets; answers how many. */
    int seal(long tenant) {
        return tx.execute(status -> {
            int count = 0;
            var plain = jdbc.sql("""
                            select id, secret from webhook_subscription
                            where tenant_id = :tenant and secret not like 'v1:%'""")
                    .param("tenant", tenant)
                    .query((rs, i) -> new Object[] {rs.getLong("id"), rs.getString("secret")})
                    .list();
            for (Object[] row : plain) {
                count += jdbc.sql("""
                                update webhook_subscription set secret = :sealed
                                where tenant_id = :tenant and id = :id and secret = :plain""")
                        .param("sealed", box.seal((String) row[1], tenant))
                        .param("tenant", tenant)
                        .param("id", row[0])
                        .param("plain", row[1])
                        .update();
            }
            return count;
        });
    }
}
