package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Tasks.Due;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The activity module with what it depends on (workspaces and people) on the real database, without the modules
 * that own records: a task is its assignee's (in their due buckets and count), out of sight for another rep and
 * for another workspace, changed with the version last seen, and a record no module here owns cannot be linked.
 */
@ApplicationModuleTest(
        extraIncludes = {"tenant", "shared", "identity"},
        webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class ActivityModuleTest {

    private static final String PASSWORD = "a long password 42";

    @Autowired
    Signup signup;

    @Autowired
    SignedIn signedIn;

    @Autowired
    People people;

    @Autowired
    Tasks tasks;

    @Test
    void aTaskIsItsAssigneesToSeeAndFinishWithTheVersionTheySaw() {
        String adminEmail = email("acme");
        Signup.Result acme = signup.signUp(new Signup.SignupCmd("Acme", adminEmail, PASSWORD, "Acme Admin"));
        long ws = acme.workspaceId();
        Actor admin = new Actor(acme.userId(), ws, Role.ADMIN, null);
        Actor sara = rep(adminEmail, ws, "Sara Rahimi");
        Actor reza = rep(adminEmail, ws, "Reza Karimi");

        Instant now = Instant.now();
        TaskView overdue = TenantContext.callAs(
                ws,
                () -> tasks.add(
                        new TaskCmd("Call Parsa back", now.minus(2, ChronoUnit.HOURS), null, null, null, null), sara));
        TaskView later = TenantContext.callAs(
                ws,
                () -> tasks.add(
                        new TaskCmd("Send the offer", now.plus(3, ChronoUnit.DAYS), null, null, null, null), sara));
        assertThat(overdue.assigneeId()).isEqualTo(sara.id());
        assertThat(TenantContext.callAs(ws, () -> tasks.mine(Due.OVERDUE, sara)))
                .extracting(TaskView::id)
                .containsExactly(overdue.id());
        assertThat(TenantContext.callAs(ws, () -> tasks.mine(Due.UPCOMING, sara)))
                .extracting(TaskView::id)
                .containsExactly(later.id());
        assertThat(TenantContext.callAs(ws, () -> tasks.dueTodayOrOverdueCount(sara)))
                .isEqualTo(1);
        assertThat(TenantContext.callAs(ws, () -> tasks.mine(Due.OVERDUE, reza)))
                .isEmpty();

        // another rep neither sees nor finishes it; an admin sees the whole workspace
        assertThatThrownBy(() -> TenantContext.callAs(ws, () -> tasks.get(overdue.id(), reza)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> TenantContext.callAs(ws, () -> tasks.complete(overdue.id(), null, reza)))
                .isInstanceOf(NotFoundException.class);
        assertThat(TenantContext.callAs(ws, () -> tasks.get(overdue.id(), admin).title()))
                .isEqualTo("Call Parsa back");

        // done with the version seen; a second click from the same page is too late
        TaskView done = TenantContext.callAs(ws, () -> tasks.complete(overdue.id(), overdue.version(), sara));
        assertThat(done.completed()).isTrue();
        assertThatThrownBy(() -> TenantContext.callAs(ws, () -> tasks.reopen(overdue.id(), overdue.version(), sara)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(TenantContext.callAs(ws, () -> tasks.mine(Due.OVERDUE, sara)))
                .isEmpty();
        assertThat(TenantContext.callAs(ws, () -> tasks.dueTodayOrOverdueCount(sara)))
                .isZero();

        // no module here owns leads, so a task cannot be about one
        assertThatThrownBy(() -> TenantContext.callAs(
                        ws,
                        () -> tasks.add(new TaskCmd("Qualify", later.dueAt(), null, null, RecordType.LEAD, 1L), sara)))
                .isInstanceOf(NotFoundException.class);

        // another workspace's admin finds no such task
        String globexEmail = email("globex");
        Signup.Result globex = signup.signUp(new Signup.SignupCmd("Globex", globexEmail, PASSWORD, "Globex Admin"));
        Actor theirAdmin = new Actor(globex.userId(), globex.workspaceId(), Role.ADMIN, null);
        assertThatThrownBy(() -> TenantContext.callAs(globex.workspaceId(), () -> tasks.get(later.id(), theirAdmin)))
                .isInstanceOf(NotFoundException.class);
    }

    private Actor rep(String adminEmail, long ws, String name) {
        long id = signedIn.as(
                adminEmail,
                () -> people.createUser(email("rep"), name, PASSWORD, Role.SALES_REP, null)
                        .id());
        return new Actor(id, ws, Role.SALES_REP, null);
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
