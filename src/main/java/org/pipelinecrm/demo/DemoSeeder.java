package org.pipelinecrm.demo;

import org.pipelinecrm.identity.UserLookup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Creates the demo workspace when the database is new, and says where to sign in. */
@Component
@ConditionalOnProperty(name = "crm.demo.enabled", havingValue = "true")
class DemoSeeder {

    static final String DOMAIN = "demo.pipelinecrm.org";
    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final DemoData demo;
    private final UserLookup lookup;
    private final Environment environment;

    DemoSeeder(DemoData demo, UserLookup lookup, Environment environment) {
        this.demo = demo;
        this.lookup = lookup;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (!exists("admin@" + DOMAIN)) {
            long started = System.currentTimeMillis();
            demo.create("Demo Company", DOMAIN);
            log.info("Demo workspace created in {} ms", System.currentTimeMillis() - started);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                ================================================================
                 Pipeline CRM is ready: http://localhost:{}/login
                 Demo workspace, password for everyone: {}
                   admin     admin@{}
                   manager   manager@{}
                   reps      sara@{}, reza@{}
                   marketer  mina@{}
                ================================================================""", port, DemoData.PASSWORD, DOMAIN, DOMAIN, DOMAIN, DOMAIN, DOMAIN);
    }

    private boolean exists(String email) {
        try {
            lookup.loadUserByUsername(email);
            return true;
        } catch (UsernameNotFoundException e) {
            return false;
        }
    }
}
