package org.pipelinecrm.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.qualification.Conversion.ConvertCmd;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The qualification module with the modules it builds on (leads, accounts, deals and theirs) on the real database:
 * a lead is converted only once its scorecard is qualified, answers take the version the rep saw, a qualified
 * scorecard moves the lead to QUALIFIED, conversion happens once, and another workspace finds no such lead.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.MOCK)
@ActiveProfiles("test")
// the shared context's scheduler runs the background work; a second one would poll the same task table
// a small pool: each module test keeps its own context, and all of them share one database's connections
@TestPropertySource(properties = {"db-scheduler.enabled=false", "spring.datasource.hikari.maximum-pool-size=4"})
class QualificationModuleTest {

    private static final String PASSWORD = "a long password 42";

    @Autowired
    Signup signup;

    @Autowired
    SignedIn signedIn;

    @Autowired
    Leads leads;

    @Autowired
    Qualifications qualifications;

    @Autowired
    Conversion conversion;

    @Test
    void aLeadIsConvertedOnceOnlyAfterItsScorecardQualifies() {
        String adminEmail = email("acme");
        Signup.Result acme = signup.signUp(new Signup.SignupCmd("Acme", adminEmail, PASSWORD, "Acme Admin"));
        Actor admin = new Actor(acme.userId(), acme.workspaceId(), Role.ADMIN, null);
        LeadView lead = signedIn.as(
                adminEmail,
                () -> leads.create(
                        new LeadDetails(
                                null,
                                "Karimi",
                                "karimi@arian.example",
                                null,
                                "Arian Soft",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null),
                        false,
                        admin));
        ConvertCmd deal = new ConvertCmd("Arian CRM", new BigDecimal("1000.00"), null, null, null, null, null);

        QualificationView blank = signedIn.as(adminEmail, () -> qualifications.of(lead.id(), admin));
        assertThat(blank.qualified()).isFalse();
        assertThat(blank.blockers()).hasSize(7);
        assertThatThrownBy(() -> signedIn.as(adminEmail, () -> conversion.convert(lead.id(), deal, admin)))
                .isInstanceOf(NotQualifiedException.class);

        QualificationView qualified =
                signedIn.as(adminEmail, () -> qualifications.answer(lead.id(), allMet(blank.version()), admin));
        assertThat(qualified.qualified()).isTrue();
        assertThat(qualified.blockers()).isEmpty();
        assertThat(signedIn.as(adminEmail, () -> leads.find(lead.id(), admin).status()))
                .isEqualTo(LeadStatus.QUALIFIED);
        // a rep still holding the blank card is too late
        assertThatThrownBy(() ->
                        signedIn.as(adminEmail, () -> qualifications.answer(lead.id(), allMet(blank.version()), admin)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        Conversion.Converted converted = signedIn.as(adminEmail, () -> conversion.convert(lead.id(), deal, admin));
        assertThat(converted.opportunityId()).isPositive();
        LeadView after = signedIn.as(adminEmail, () -> leads.find(lead.id(), admin));
        assertThat(after.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThatThrownBy(() -> signedIn.as(adminEmail, () -> conversion.convert(lead.id(), deal, admin)))
                .isInstanceOf(ConflictException.class);

        String globexEmail = email("globex");
        Signup.Result globex = signup.signUp(new Signup.SignupCmd("Globex", globexEmail, PASSWORD, "Globex Admin"));
        Actor theirAdmin = new Actor(globex.userId(), globex.workspaceId(), Role.ADMIN, null);
        assertThatThrownBy(() -> signedIn.as(globexEmail, () -> qualifications.of(lead.id(), theirAdmin)))
                .isInstanceOf(NotFoundException.class);
    }

    private static QualificationCmd allMet(long version) {
        return new QualificationCmd(
                new Answer(LetterStatus.MET, "Budget approved"),
                new Answer(LetterStatus.MET, null),
                new Answer(LetterStatus.MET, null),
                new TimelineAnswer(LetterStatus.MET, null, LocalDate.now().plusMonths(2)),
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                version);
    }

    private static String email(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }
}
