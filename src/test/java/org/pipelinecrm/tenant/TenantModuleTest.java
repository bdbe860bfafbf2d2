package org.pipelinecrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The tenant module alone on the real database: no other module's beans, so what it announces is seen as
 * events rather than through the modules that react to them.
 */
@ApplicationModuleTest(webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class TenantModuleTest {

    static final ZoneId TEHRAN = ZoneId.of("Asia/Tehran");

    @Autowired
    Workspaces workspaces;

    @Test
    void aWorkspaceReadsAndChangesOnlyItsOwnSettingsAndAnnouncesANewTimeZone(AssertablePublishedEvents events) {
        long acme = workspaces.create("Acme", Currency.USD, ZoneId.of("UTC"), Locale.ENGLISH, id -> {});
        long globex = workspaces.create("Globex", Currency.EUR, ZoneId.of("UTC"), Locale.ENGLISH, id -> {});
        assertThat(events).contains(WorkspaceCreated.class).matching(e -> e.tenantId() == acme);

        WorkspaceSettings changed =
                TenantContext.callAs(acme, () -> workspaces.changeSettings("Acme Iran", Currency.IRR, TEHRAN, 0));
        assertThat(changed.version()).isEqualTo(1);
        assertThat(events)
                .contains(WorkspaceTimeZoneChanged.class)
                .matching(e -> e.tenantId() == acme && e.zone().equals(TEHRAN));
        assertThat(TenantContext.callAs(globex, () -> workspaces.current().name()))
                .isEqualTo("Globex");

        assertThatThrownBy(() ->
                        TenantContext.callAs(acme, () -> workspaces.changeSettings("Stale", Currency.USD, TEHRAN, 0)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(TenantContext.callAs(acme, () -> workspaces.current().name()))
                .isEqualTo("Acme Iran");
        assertThat(workspaces.allIds()).contains(acme, globex);
    }
}
