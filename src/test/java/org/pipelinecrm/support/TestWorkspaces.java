package org.pipelinecrm.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Fresh workspaces for tests: each test makes its own, so tests never see each other's data. */
@TestComponent
public class TestWorkspaces {

    public static final String PASSWORD = "test-pass-123";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Signup signup;
    private final People people;
    private final SignedIn signedIn;
    private final Pipelines pipelines;
    private final Opportunities opportunities;

    TestWorkspaces(Signup signup, People people, SignedIn signedIn, Pipelines pipelines, Opportunities opportunities) {
        this.signup = signup;
        this.people = people;
        this.signedIn = signedIn;
        this.pipelines = pipelines;
        this.opportunities = opportunities;
    }

    /** A new workspace with its admin. */
    public Workspace create() {
        return create(java.util.Locale.ENGLISH);
    }

    /**
     * A new workspace signed up in Persian: its pipeline, reasons and rules are named in Persian, its years are Solar
     * Hijri, and its admin reads Persian.
     */
    public Workspace createPersian() {
        return create(java.util.Locale.forLanguageTag("fa"));
    }

    private Workspace create(java.util.Locale language) {
        String suffix =
                COUNTER.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        String admin = "admin-" + suffix + "@test.example";
        var result = signup.signUp(
                new Signup.SignupCmd("Workspace " + suffix, admin, PASSWORD, "Admin " + suffix), language);
        return new Workspace(result.workspaceId(), result.userId(), admin, suffix);
    }

    /** Adds a person with a role (and optionally a team) to the workspace; returns their e-mail. */
    public Person addPerson(Workspace workspace, Role role, Long teamId) {
        String email = role.name().toLowerCase() + "-" + COUNTER.incrementAndGet() + "-" + workspace.suffix()
                + "@test.example";
        long id = signedIn.as(
                workspace.adminEmail(),
                () -> people.createUser(email, role.name() + " " + workspace.suffix(), PASSWORD, role, teamId)
                        .id());
        return new Person(id, email);
    }

    public long addTeam(Workspace workspace, String name) {
        return signedIn.as(workspace.adminEmail(), () -> people.createTeam(name).id());
    }

    /** A deal of the given person in the first stage of the first pipeline they see; returns its id. */
    public long addDeal(String email, String name) {
        return signedIn.as(email, () -> {
            PipelineView pipeline = pipelines.visible().get(0);
            return opportunities
                    .create(new Opportunities.CreateCmd(
                            name,
                            null,
                            null,
                            pipeline.id(),
                            pipeline.openStages().get(0).id(),
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .id();
        });
    }

    /** Runs code as the given person, inside their workspace (for calling services directly). */
    public <T> T as(String email, java.util.function.Supplier<T> work) {
        return signedIn.as(email, work);
    }

    public record Workspace(long id, long adminId, String adminEmail, String suffix) {

        public RequestPostProcessor admin() {
            return httpBasic(adminEmail, PASSWORD);
        }
    }

    public record Person(long id, String email) {

        public RequestPostProcessor basic() {
            return httpBasic(email, PASSWORD);
        }
    }
}
