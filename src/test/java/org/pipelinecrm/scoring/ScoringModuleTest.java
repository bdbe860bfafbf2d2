package org.pipelinecrm.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.tenant.Currency;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The scoring module with only what it depends on (workspaces) on the real database: a new workspace gets the
 * default model, a change is the workspace's alone and announces that its leads must be scored again.
 */
@ApplicationModuleTest(
        extraIncludes = {"tenant", "shared"},
        webEnvironment = WebEnvironment.NONE)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class ScoringModuleTest {

    @Autowired
    Workspaces workspaces;

    @Autowired
    Scoring scoring;

    @Test
    void aWorkspaceStartsWithTheDefaultModelAndChangesOnlyItsOwn(AssertablePublishedEvents events) {
        long acme = workspaces.create("Acme", Currency.USD, ZoneId.of("UTC"), Locale.ENGLISH, id -> {});
        long globex = workspaces.create("Globex", Currency.EUR, ZoneId.of("UTC"), Locale.ENGLISH, id -> {});
        ScoringRules defaults = TenantContext.callAs(acme, scoring::rules);
        assertThat(defaults.mqlThreshold()).isEqualTo(DefaultModel.rules().mqlThreshold());

        ScoringRules stricter = new ScoringRules(
                List.of(new FitRule("industry", FitRule.Operator.EQUALS, "Software", 25)),
                List.of(new BehaviourRule("DEMO_REQUESTED", 40)),
                5,
                70,
                90,
                defaults.version());
        ScoringRules changed = TenantContext.callAs(acme, () -> scoring.change(stricter));

        assertThat(changed.mqlThreshold()).isEqualTo(70);
        assertThat(changed.version()).isEqualTo(defaults.version() + 1);
        assertThat(events).contains(ScoringRulesChanged.class).matching(e -> e.tenantId() == acme);
        assertThat(events.ofType(ScoringRulesChanged.class).matching(e -> e.tenantId() == globex))
                .isEmpty();
        assertThat(TenantContext.callAs(globex, scoring::rules).mqlThreshold())
                .isEqualTo(DefaultModel.rules().mqlThreshold());
        assertThat(TenantContext.callAs(acme, scoring::eventTypes)).contains("DEMO_REQUESTED", "PAGE_VISIT");
    }

    @Test
    void aStaleChangeOrAnSqlThresholdBelowTheMqlOneIsRefusedAndChangesNothing() {
        long acme = workspaces.create("Initech", Currency.USD, ZoneId.of("UTC"), Locale.ENGLISH, id -> {});
        ScoringRules current = TenantContext.callAs(acme, scoring::rules);
        ScoringRules stale =
                new ScoringRules(current.fitRules(), current.behaviourRules(), 10, 50, 80, current.version() + 7);
        ScoringRules inverted =
                new ScoringRules(current.fitRules(), current.behaviourRules(), 10, 80, 50, current.version());

        assertThatThrownBy(() -> TenantContext.callAs(acme, () -> scoring.change(stale)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThatThrownBy(() -> TenantContext.callAs(acme, () -> scoring.change(inverted)))
                .isInstanceOf(ConflictException.class);
        assertThat(TenantContext.callAs(acme, scoring::rules)).isEqualTo(current);
    }
}
