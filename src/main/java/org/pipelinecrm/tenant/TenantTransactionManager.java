package org.pipelinecrm.tenant;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.Session;
import org.pipelinecrm.shared.database.SessionSettings;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.vendor.HibernateJpaDialect;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands the current workspace to PostgreSQL at every transaction begin, transaction-local, so that
 * row-level security filters every statement — JPA and plain JDBC alike. No workspace: no rows.
 * <p>
 * The {@code SET LOCAL} runs inside the dialect's begin, not after {@code doBegin}: when it fails (the
 * database went away) Spring then closes the entity manager and reports a {@code CannotCreateTransactionException},
 * instead of leaving a broken connection bound to the request thread for every later transaction on it.
 */
class TenantTransactionManager extends JpaTransactionManager {

    TenantTransactionManager(EntityManagerFactory emf) {
        super(emf);
    }

    @Override
    public void afterPropertiesSet() {
        super.afterPropertiesSet();
        setJpaDialect(new TenantDialect());
    }

    private static final class TenantDialect extends HibernateJpaDialect {

        @Override
        public Object beginTransaction(EntityManager entityManager, TransactionDefinition definition)
                throws PersistenceException, SQLException {
            Object transactionData = super.beginTransaction(entityManager, definition);
            String tenant = TenantContext.current().map(String::valueOf).orElse("");
            entityManager.unwrap(Session.class).doWork(connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute(SessionSettings.setLocal("app.tenant_id", tenant));
                }
            });
            return transactionData;
        }
    }
}
