package org.pipelinecrm.demo;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
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

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final Signup signup;
    private final People people;
    private final SignedIn signedIn;
    private final UserLookup lookup;
    private final List<DemoContributor> contributors;
    private final Environment environment;

    DemoSeeder(Signup signup, People people, SignedIn signedIn, UserLookup lookup, List<DemoContributor> contributors,
            Environment environment) {
        this.signup = signup;
        this.people = people;
        this.signedIn = signedIn;
        this.lookup = lookup;
        this.contributors = contributors;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedOnce() {
        if (!exists(DemoWorkspace.ADMIN)) {
            long started = System.currentTimeMillis();
            create();
            log.info("Demo workspace created in {} ms", System.currentTimeMillis() - started);
        }
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("""

                ================================================================
                 Pipeline CRM is ready: http://localhost:{}/login
                 Demo workspace - password for everyone: {}
                   admin    {}
                   manager  {}
                   reps     {}, {}
                   marketer {}
                ================================================================""",
                port, DemoWorkspace.PASSWORD, DemoWorkspace.ADMIN, DemoWorkspace.MANAGER, DemoWorkspace.REP_1,
                DemoWorkspace.REP_2, DemoWorkspace.MARKETER);
    }

    private void create() {
        var result = signup.signUp(new Signup.SignupCmd("Demo Company", DemoWorkspace.ADMIN, DemoWorkspace.PASSWORD,
                "Ava Admin"));
        signedIn.as(DemoWorkspace.ADMIN, () -> {
            Map<String, Long> teams = new LinkedHashMap<>();
            teams.put("Field Sales", people.createTeam("Field Sales").id());
            teams.put("Marketing", people.createTeam("Marketing").id());
            Map<String, Long> users = new LinkedHashMap<>();
            users.put(DemoWorkspace.ADMIN, result.userId());
            users.put(DemoWorkspace.MANAGER, add(DemoWorkspace.MANAGER, "Omid Manager", Role.MANAGER, teams.get("Field Sales")));
            users.put(DemoWorkspace.REP_1, add(DemoWorkspace.REP_1, "Sara Rahimi", Role.SALES_REP, teams.get("Field Sales")));
            users.put(DemoWorkspace.REP_2, add(DemoWorkspace.REP_2, "Reza Karimi", Role.SALES_REP, teams.get("Field Sales")));
            users.put(DemoWorkspace.MARKETER, add(DemoWorkspace.MARKETER, "Mina Ahmadi", Role.MARKETER, teams.get("Marketing")));
            var demo = new DemoWorkspace(result.workspaceId(), users, teams, 20261122L);
            contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order))
                    .forEach(contributor -> contributor.populate(demo));
        });
    }

    private long add(String email, String name, Role role, Long teamId) {
        return people.createUser(email, name, DemoWorkspace.PASSWORD, role, teamId).id();
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
