package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinecrm.lead.LeadStatus.ACCEPTED;
import static org.pipelinecrm.lead.LeadStatus.CONVERTED;
import static org.pipelinecrm.lead.LeadStatus.DISQUALIFIED;
import static org.pipelinecrm.lead.LeadStatus.HANDED_OFF;
import static org.pipelinecrm.lead.LeadStatus.NEW;
import static org.pipelinecrm.lead.LeadStatus.NURTURING;
import static org.pipelinecrm.lead.LeadStatus.QUALIFIED;
import static org.pipelinecrm.lead.LeadStatus.REJECTED;
import static org.pipelinecrm.lead.LeadStatus.WORKING;

import org.junit.jupiter.api.Test;

/** A lead's lifecycle on its own, without Spring or a database. */
class LeadStatusTest {

    @Test
    void aHandedOffLeadIsOnlyAcceptedOrRejected() {
        assertThat(HANDED_OFF.next()).containsExactlyInAnyOrder(ACCEPTED, REJECTED);
        assertThat(HANDED_OFF.canMoveTo(QUALIFIED)).isFalse();
        assertThat(HANDED_OFF.canMoveTo(WORKING)).isFalse();
    }

    @Test
    void aRepQualifiesTheirOwnLeadWithoutAHandoffButNurturingComesBackFirst() {
        assertThat(NEW.canMoveTo(QUALIFIED)).isTrue();
        assertThat(WORKING.canMoveTo(QUALIFIED)).isTrue();
        assertThat(NURTURING.canMoveTo(QUALIFIED)).isFalse();
        assertThat(NURTURING.canMoveTo(WORKING)).isTrue();
    }

    @Test
    void onlyAQualifiedLeadConvertsAndAConvertedLeadGoesNowhere() {
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(status.canMoveTo(CONVERTED)).as(status.name()).isEqualTo(status == QUALIFIED);
        }
        assertThat(CONVERTED.next()).isEmpty();
    }

    @Test
    void disqualifiedLeadsComeBackThroughNurtureOrWork() {
        assertThat(DISQUALIFIED.next()).containsExactlyInAnyOrder(NURTURING, WORKING);
        assertThat(REJECTED.canMoveTo(HANDED_OFF)).isTrue();
        assertThat(QUALIFIED.canMoveTo(WORKING))
                .as("a scorecard that loses a letter")
                .isTrue();
        for (LeadStatus status : LeadStatus.values()) {
            assertThat(status.canMoveTo(status)).as(status.name()).isEqualTo(status == WORKING);
        }
    }
}
