package org.pipelinecrm.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.pipeline.Pipelines.ChangeCmd;
import org.pipelinecrm.pipeline.Pipelines.PipelineCmd;
import org.pipelinecrm.pipeline.Pipelines.StageCmd;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The pipeline module with what it depends on (workspaces and people) on the real database: a new workspace starts
 * with the default pipeline, a pipeline limited to a team is that team's (others find no such pipeline), only
 * admins shape pipelines, a pipeline keeps an open stage, and an edit takes the version the editor saw.
 */
@ApplicationModuleTest(
        extraIncludes = {"tenant", "shared", "identity"},
        webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class PipelineModuleTest {

    private static final String PASSWORD = "a long password 42";

    @Autowired
    Signup signup;

    @Autowired
    SignedIn signedIn;

    @Autowired
    People people;

    @Autowired
    Pipelines pipelines;

    @Test
    void aWorkspaceStartsWithTheDefaultPipelineAndATeamsPipelineIsThatTeamsAlone() {
        String admin = email("acme");
        signup.signUp(new Signup.SignupCmd("Acme", admin, PASSWORD, "Acme Admin"));

        List<PipelineView> first = signedIn.as(admin, () -> pipelines.visible());
        assertThat(first).hasSize(1);
        assertThat(first.get(0).openStages()).hasSize(7);
        assertThat(first.get(0).openStages().get(0).probability()).isEqualTo(10);
        assertThat(first.get(0).closingStage(StageKind.WON)).isPresent();
        assertThat(first.get(0).closingStage(StageKind.LOST)).isPresent();

        String eastRep = email("east");
        String westRep = email("west");
        long east = signedIn.as(admin, () -> {
            long eastTeam = people.createTeam("East").id();
            long westTeam = people.createTeam("West").id();
            people.createUser(eastRep, "Sara Rahimi", PASSWORD, Role.SALES_REP, eastTeam);
            people.createUser(westRep, "Reza Karimi", PASSWORD, Role.SALES_REP, westTeam);
            return eastTeam;
        });
        PipelineView renewals = signedIn.as(admin, () -> pipelines.create(renewals("East renewals", east)));

        assertThat(signedIn.as(eastRep, () -> pipelines.visible()))
                .extracting(PipelineView::name)
                .contains("East renewals");
        assertThat(signedIn.as(westRep, () -> pipelines.visible()))
                .extracting(PipelineView::name)
                .doesNotContain("East renewals");
        assertThatThrownBy(() -> signedIn.as(westRep, () -> pipelines.pipeline(renewals.id())))
                .isInstanceOf(NotFoundException.class);

        // another workspace has no such pipeline, even for its admin
        String globex = email("globex");
        signup.signUp(new Signup.SignupCmd("Globex", globex, PASSWORD, "Globex Admin"));
        assertThatThrownBy(() -> signedIn.as(globex, () -> pipelines.pipeline(renewals.id())))
                .isInstanceOf(NotFoundException.class);

        // reps do not shape pipelines
        assertThatThrownBy(() -> signedIn.as(eastRep, () -> pipelines.create(renewals("Mine", null))))
                .isInstanceOf(AccessDeniedException.class);

        // a pipeline keeps at least one open stage
        assertThatThrownBy(() -> signedIn.as(
                        admin,
                        () -> pipelines.create(new PipelineCmd(
                                "Closed only",
                                null,
                                List.of(new StageCmd(null, "Won", StageKind.WON, 100, null, List.of()))))))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).getMessageKey())
                .isEqualTo("pipeline.needsOpenStage");

        // the limit is lifted with the version the admin saw; a second edit from the same page is too late
        PipelineView everyone = signedIn.as(
                admin, () -> pipelines.change(renewals.id(), new ChangeCmd("Renewals", null, renewals.version())));
        assertThat(signedIn.as(westRep, () -> pipelines.pipeline(renewals.id()).name()))
                .isEqualTo("Renewals");
        assertThat(everyone.version()).isGreaterThan(renewals.version());
        assertThatThrownBy(() -> signedIn.as(
                        admin,
                        () -> pipelines.change(renewals.id(), new ChangeCmd("East again", east, renewals.version()))))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
    }

    private static PipelineCmd renewals(String name, Long teamId) {
        return new PipelineCmd(
                name,
                teamId,
                List.of(
                        new StageCmd(null, "Talk", StageKind.OPEN, 30, null, List.of()),
                        new StageCmd(null, "Renewed", StageKind.WON, 100, null, List.of()),
                        new StageCmd(null, "Gone", StageKind.LOST, 0, null, List.of())));
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    /** The deals live in the opportunity module, which this test leaves out: here no stage holds any. */
    @TestConfiguration(proxyBeanMethods = false)
    static class NoDeals {

        @Bean
        StageDeals stageDeals() {
            return new StageDeals() {
                @Override
                public long countIn(long stageId) {
                    return 0;
                }

                @Override
                public int moveAll(StageView from, StageView to) {
                    return 0;
                }

                @Override
                public int followCategory(StageView stage) {
                    return 0;
                }
            };
        }
    }
}
