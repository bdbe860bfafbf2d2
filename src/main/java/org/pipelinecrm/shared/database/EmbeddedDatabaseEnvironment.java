package org.pipelinecrm.shared.database;

import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without {@code spring.datasource.url} the app brings its own PostgreSQL: this starts it before the
 * context is built and points the data source (app role) and Flyway (owner role) at it, so that the
 * rest of the application is configured exactly as it is against an external server.
 */
class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    EmbeddedDatabaseEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")
                || !environment.getProperty("crm.embedded-db.enabled", Boolean.class, true)) {
            return;
        }
        EmbeddedDatabase db = EmbeddedDatabase.start(environment.getProperty("crm.embedded-db.data-dir", ""), log);
        // stopped only after every application context has closed, so no pool is cut off mid-shutdown
        SpringApplication.getShutdownHandlers().add(db::stop);
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "embeddedPostgres",
                        Map.of(
                                "spring.datasource.url", db.jdbcUrl(),
                                "spring.datasource.username", EmbeddedDatabase.APP,
                                "spring.datasource.password", db.appPassword,
                                "spring.flyway.user", EmbeddedDatabase.OWNER,
                                "spring.flyway.password", db.ownerPassword,
                                // the server's superuser, for maintenance in this process only (e.g. a test that makes
                                // a database)
                                "crm.embedded-db.superuser-password", db.superPassword(),
                                "crm.embedded-db.running", "true")));
    }

    @Override
    public int getOrder() {
        // after the config files are read, so that profiles and data-dir settings apply
        return Ordered.LOWEST_PRECEDENCE;
    }
}
