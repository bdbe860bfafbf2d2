package org.pipelinecrm.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The account module with what it depends on (workspaces and people, custom fields) on the real database: a
 * company is not entered twice in a workspace, another workspace neither sees it nor is kept from its own, and an
 * edit takes the version the editor saw and records who made it.
 */
@ApplicationModuleTest(
        extraIncludes = {"tenant", "shared", "identity", "customfield"},
        webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class AccountModuleTest {

    @Autowired
    Signup signup;

    @Autowired
    Accounts accounts;

    @Test
    void anAccountIsOneWorkspacesOnceAndEditedWithTheVersionSeenByWhoeverEditsIt() {
        Signup.Result acme = signUp("Acme");
        Signup.Result globex = signUp("Globex");
        Actor ana = new Actor(acme.userId(), acme.workspaceId(), Role.ADMIN, null);

        AccountSummary parsian = TenantContext.callAs(
                acme.workspaceId(), () -> accounts.create(company("Parsian Trading", "parsian.example"), false));
        assertThatThrownBy(() -> TenantContext.callAs(
                        acme.workspaceId(), () -> accounts.create(company("Parsian", "parsian.example"), false)))
                .isInstanceOf(DuplicateAccountException.class);

        AccountSummary theirs = TenantContext.callAs(
                globex.workspaceId(), () -> accounts.create(company("Parsian Trading", "parsian.example"), false));
        assertThat(theirs.id()).isNotEqualTo(parsian.id());
        assertThat(TenantContext.callAs(globex.workspaceId(), () -> accounts.find(parsian.id())))
                .isEmpty();

        AccountSummary renamed = TenantContext.callAs(
                acme.workspaceId(),
                () -> accounts.change(
                        parsian.id(), company("Parsian Group", "parsian.example"), parsian.version(), ana));
        assertThat(renamed.name()).isEqualTo("Parsian Group");
        assertThat(TenantContext.callAs(acme.workspaceId(), () -> accounts.lastChange(parsian.id())))
                .get()
                .extracting(Map.Entry::getKey)
                .isEqualTo(ana.id());
        assertThatThrownBy(() -> TenantContext.callAs(
                        acme.workspaceId(),
                        () -> accounts.change(
                                parsian.id(), company("Parsian Old", "parsian.example"), parsian.version(), ana)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        assertThat(TenantContext.callAs(
                        acme.workspaceId(), () -> accounts.account(parsian.id()).name()))
                .isEqualTo("Parsian Group");
    }

    private Signup.Result signUp(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
        return signup.signUp(new Signup.SignupCmd(name, email, "a long password 42", name + " Admin"));
    }

    private static Accounts.AccountCmd company(String name, String domain) {
        return new Accounts.AccountCmd(name, domain, "Retail", null, null, "IR");
    }
}
