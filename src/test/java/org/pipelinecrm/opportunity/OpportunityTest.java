package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.ConflictException;

/** The rules of a deal's stage and status, without a database. */
class OpportunityTest {

    static final StageView PROSPECTING = new StageView(1, 100, "Prospecting", StageKind.OPEN, 0, 10, 14, List.of());
    static final StageView PROPOSAL = new StageView(2, 100, "Proposal", StageKind.OPEN, 1, 60, 21, List.of());
    static final StageView WON = new StageView(3, 100, "Won", StageKind.WON, 2, 100, null, List.of());
    static final StageView LOST = new StageView(4, 100, "Lost", StageKind.LOST, 3, 0, null, List.of());
    static final StageView ELSEWHERE = new StageView(5, 200, "Other", StageKind.OPEN, 0, 10, null, List.of());

    final Instant now = Instant.parse("2026-11-01T10:00:00Z");

    Opportunity deal() {
        return new Opportunity("Deal", PROSPECTING, 7, null, 7, now);
    }

    @Test
    void aMoveTakesTheStagesProbabilityAndRestartsTheStageClock() {
        Opportunity deal = deal();
        Instant later = now.plusSeconds(3600);
        assertThat(deal.moveTo(PROPOSAL, null, 7, later)).isTrue();
        var view = deal.toView(null, null);
        assertThat(view.stageId()).isEqualTo(2);
        assertThat(view.probability()).isEqualTo(60);
        assertThat(view.stageEnteredAt()).isEqualTo(later);
        assertThat(view.status()).isEqualTo(StageKind.OPEN);
    }

    @Test
    void movingToTheSameStageChangesNothing() {
        assertThat(deal().moveTo(PROSPECTING, null, 7, now)).isFalse();
    }

    @Test
    void losingWithoutAReasonIsRefused() {
        Opportunity deal = deal();
        assertThatThrownBy(() -> deal.moveTo(LOST, " ", 7, now))
                .isInstanceOf(ConflictException.class)
                .extracting("messageKey")
                .isEqualTo("opportunity.lossReasonRequired");
        assertThat(deal.toView(null, null).status()).isEqualTo(StageKind.OPEN);
    }

    @Test
    void closedDealsDoNotMoveUntilReopened() {
        Opportunity deal = deal();
        deal.close(WON, null, "signed", 7, now);
        assertThat(deal.toView(null, null).closedAt()).isEqualTo(now);
        assertThatThrownBy(() -> deal.moveTo(PROPOSAL, null, 7, now)).isInstanceOf(ConflictException.class);
        deal.reopen(PROPOSAL, 7, now);
        var view = deal.toView(null, null);
        assertThat(view.status()).isEqualTo(StageKind.OPEN);
        assertThat(view.closedAt()).isNull();
        assertThat(view.closeNote()).isNull();
    }

    @Test
    void anOpenDealCannotBeReopenedNorMovedIntoAnotherPipeline() {
        Opportunity deal = deal();
        assertThatThrownBy(() -> deal.reopen(PROPOSAL, 7, now)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> deal.moveTo(ELSEWHERE, null, 7, now)).isInstanceOf(ConflictException.class);
    }

    @Test
    void aNewDealStartsInAnOpenStage() {
        assertThatThrownBy(() -> new Opportunity("x", WON, 1, null, 1, now)).isInstanceOf(ConflictException.class);
    }
}
