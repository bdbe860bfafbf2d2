package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.scoring.Scorecard.Score;
import org.pipelinecrm.shared.ConflictException;

/** The lead's lifecycle on the aggregate alone: which moves it allows, what each changes and what it registers. */
class LeadLifecycleTest {

    private static final long TENANT = 3;
    private static final long MARKETER = 10;
    private static final long REP = 20;
    private static final long MARKETING_TEAM = 100;
    private static final long SALES_TEAM = 200;

    private static Lead lead(LeadType type) {
        Lead lead = Lead.create(
                new LeadDetails(
                        "Sara",
                        "Ahmadi",
                        "sara@acme.test",
                        null,
                        "Acme",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "Webinar",
                        type,
                        MARKETER,
                        MARKETING_TEAM,
                        null),
                MARKETER,
                Instant.now());
        lead.identify(7);
        return lead;
    }

    private static List<Class<?>> registered(Lead lead) {
        return lead.changes(TENANT).stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void aNewLeadRegistersItsCreationWithWhoAndWhatKind() {
        Lead lead = lead(LeadType.CQL);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.changes(TENANT))
                .singleElement()
                .isEqualTo(
                        new LeadChange.Created(TENANT, 7, MARKETER, lead.createdAt(), LeadType.CQL, "Webinar", false));
        lead.published();
        assertThat(lead.changes(TENANT)).isEmpty();
    }

    @Test
    void onlyAMarketingQualifiedLeadIsHandedOffAndNothingChangesWhenRefused() {
        Lead cold = lead(LeadType.UNQUALIFIED);
        cold.published();
        assertThatThrownBy(() -> cold.handOff(SALES_TEAM, null, "call", MARKETER))
                .isInstanceOfSatisfying(
                        ConflictException.class,
                        e -> assertThat(e.getMessageKey()).isEqualTo("lead.handoff.notMql"));
        assertThat(cold.status()).isEqualTo(LeadStatus.NEW);
        assertThat(cold.toView(null).teamId()).isEqualTo(MARKETING_TEAM);
        assertThat(cold.changes(TENANT)).isEmpty();
    }

    @Test
    void aRejectedHandoffGoesBackToTheMarketerAndTheirTeam() {
        Lead lead = lead(LeadType.MQL);
        lead.published();
        lead.handOff(SALES_TEAM, REP, "asked for pricing", MARKETER);
        LeadView handedOff = lead.toView(null);
        assertThat(handedOff.status()).isEqualTo(LeadStatus.HANDED_OFF);
        assertThat(handedOff.teamId()).isEqualTo(SALES_TEAM);
        assertThat(handedOff.ownerId()).isEqualTo(REP);
        assertThat(handedOff.handedOffBy()).isEqualTo(MARKETER);

        lead.reject("TOO_EARLY", "next year", REP);
        LeadView rejected = lead.toView(null);
        assertThat(rejected.status()).isEqualTo(LeadStatus.REJECTED);
        assertThat(rejected.teamId()).isEqualTo(MARKETING_TEAM);
        assertThat(rejected.ownerId()).isEqualTo(MARKETER);
        assertThat(rejected.reason()).isEqualTo("TOO_EARLY");
        assertThat(registered(lead)).containsExactly(LeadChange.HandedOff.class, LeadChange.Rejected.class);
        assertThat(lead.changes(TENANT).get(1))
                .isInstanceOfSatisfying(
                        LeadChange.Rejected.class, r -> assertThat(r.actorId()).isEqualTo(REP));
    }

    @Test
    void acceptingTakesTheLeadForTheRepWhenItHasNoOwner() {
        Lead lead = lead(LeadType.MQL);
        lead.handOff(SALES_TEAM, null, null, MARKETER);
        lead.accept(REP);
        assertThat(lead.status()).isEqualTo(LeadStatus.ACCEPTED);
        assertThat(lead.toView(null).ownerId()).isEqualTo(REP);
    }

    @Test
    void anIllegalMoveIsRefusedWithBothStatusesAndRegistersNothing() {
        Lead lead = lead(LeadType.MQL);
        lead.published();
        assertThatThrownBy(() -> lead.accept(REP)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.getMessageKey()).isEqualTo("lead.transition");
            assertThat(e.getArguments()).hasSize(2);
        });
        assertThatThrownBy(() -> lead.reopen(REP)).isInstanceOf(ConflictException.class);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(lead.changes(TENANT)).isEmpty();
    }

    @Test
    void theScorecardMovesALeadBeingWorkedButNotOneInNurture() {
        Lead lead = lead(LeadType.SQL);
        lead.published();
        lead.nurture(REP);
        assertThat(lead.qualificationChanged(true, REP)).isFalse();
        assertThat(lead.status()).isEqualTo(LeadStatus.NURTURING);

        lead.startWorking(REP);
        assertThat(lead.qualificationChanged(true, REP)).isTrue();
        assertThat(lead.status()).isEqualTo(LeadStatus.QUALIFIED);
        Instant qualifiedAt = lead.toView(null).qualifiedAt();
        assertThat(qualifiedAt).isNotNull();
        assertThat(lead.qualificationChanged(false, REP)).isTrue();
        assertThat(lead.status()).isEqualTo(LeadStatus.WORKING);
        lead.qualificationChanged(true, REP);
        assertThat(lead.toView(null).qualifiedAt()).as("stamped once").isEqualTo(qualifiedAt);
        assertThat(lead.changes(TENANT))
                .filteredOn(LeadChange.StatusChanged.class::isInstance)
                .map(c -> ((LeadChange.StatusChanged) c).to())
                .containsExactly(
                        LeadStatus.NURTURING,
                        LeadStatus.WORKING,
                        LeadStatus.QUALIFIED,
                        LeadStatus.WORKING,
                        LeadStatus.QUALIFIED);
    }

    @Test
    void aConvertedLeadGoesNowhereElse() {
        Lead lead = lead(LeadType.SQL);
        lead.startWorking(REP);
        lead.published();
        lead.convert(1, 2, 3, REP);
        LeadView converted = lead.toView(null);
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.convertedOpportunityId()).isEqualTo(3L);
        assertThat(converted.qualifiedAt()).isNotNull();
        assertThat(registered(lead))
                .as("one conversion, no separate status entry")
                .containsExactly(LeadChange.Converted.class);
        for (LeadStatus target : LeadStatus.values()) {
            assertThat(LeadStatus.CONVERTED.canMoveTo(target)).isFalse();
        }
        assertThatThrownBy(() -> lead.startWorking(REP)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lead.disqualify("NOT_A_FIT", null, REP)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> lead.convert(1, 2, 3, REP)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aLeadStillWithSalesCannotBeConverted() {
        Lead lead = lead(LeadType.MQL);
        lead.handOff(SALES_TEAM, REP, null, MARKETER);
        assertThatThrownBy(() -> lead.convert(1, 2, 3, REP)).isInstanceOf(ConflictException.class);
        assertThat(lead.status()).isEqualTo(LeadStatus.HANDED_OFF);
    }

    @Test
    void aDisqualifiedLeadIsReopenedWithoutItsReason() {
        Lead lead = lead(LeadType.UNQUALIFIED);
        lead.disqualify("NOT_A_FIT", "far off", MARKETER);
        assertThat(lead.toView(null).reason()).isEqualTo("NOT_A_FIT");
        lead.reopen(MARKETER);
        assertThat(lead.status()).isEqualTo(LeadStatus.WORKING);
        assertThat(lead.toView(null).reason()).isNull();
        assertThat(lead.toView(null).reasonNote()).isNull();
    }

    @Test
    void crossingTheThresholdsPromotesOnceAndMarksSalesReadyOnce() {
        Lead lead = lead(LeadType.UNQUALIFIED);
        lead.published();
        assertThat(lead.rescored(new Score(30, List.of(), false, false), "[]", 50, 80, null))
                .isFalse();
        assertThat(lead.changes(TENANT)).isEmpty();
        assertThat(lead.rescored(new Score(90, List.of(), true, true), "[]", 50, 80, null))
                .isTrue();
        assertThat(lead.type()).isEqualTo(LeadType.MQL);
        assertThat(lead.rescored(new Score(95, List.of(), true, true), "[]", 50, 80, null))
                .isFalse();
        assertThat(lead.changes(TENANT))
                .containsExactly(
                        new LeadChange.Promoted(
                                TENANT, 7, null, lead.changes(TENANT).get(0).at(), 90, 50),
                        new LeadChange.BecameSalesReady(
                                TENANT, 7, null, lead.changes(TENANT).get(1).at(), 90, 80));
    }
}
