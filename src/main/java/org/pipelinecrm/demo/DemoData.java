package org.pipelinecrm.demo;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
import org.springframework.stereotype.Service;

/** Builds a living demo workspace: people and teams here, everything else from each module's contributor. */
@Service
public class DemoData {

    public static final String PASSWORD = "demo-pass-2026";

    private final Signup signup;
    private final People people;
    private final SignedIn signedIn;
    private final List<DemoContributor> contributors;

    DemoData(Signup signup, People people, SignedIn signedIn, List<DemoContributor> contributors) {
        this.signup = signup;
        this.people = people;
        this.signedIn = signedIn;
        this.contributors = contributors;
    }

    /** Creates the workspace with people at {@code admin@domain}, {@code manager@domain}, … */
    public DemoWorkspace create(String name, String domain) {
        String admin = "admin@" + domain;
        var result = signup.signUp(new Signup.SignupCmd(name, admin, PASSWORD, "Ava Admin"));
        return signedIn.as(admin, () -> {
            long sales = people.createTeam("Field Sales").id();
            long marketing = people.createTeam("Marketing").id();
            var demo = new DemoWorkspace(
                    result.workspaceId(),
                    admin,
                    result.userId(),
                    add("manager@" + domain, "Omid Manager", Role.MANAGER, sales),
                    List.of(
                            add("sara@" + domain, "Sara Rahimi", Role.SALES_REP, sales),
                            add("reza@" + domain, "Reza Karimi", Role.SALES_REP, sales)),
                    add("mina@" + domain, "Mina Ahmadi", Role.MARKETER, marketing),
                    sales,
                    marketing,
                    new Random(20261122L));
            contributors.stream()
                    .sorted(Comparator.comparingInt(DemoContributor::order))
                    .forEach(contributor -> contributor.populate(demo));
            return demo;
        });
    }

    private long add(String email, String name, Role role, Long teamId) {
        return people.createUser(email, name, PASSWORD, role, teamId).id();
    }
}
