package org.pipelinecrm.qualification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;

/** The BANT scorecard's rules on their own, without Spring or a database. */
class ScorecardRulesTest {

    static final Answer MET = new Answer(LetterStatus.MET, null);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void aNewScorecardIsBlockedByEveryLetterAndLevelInBantOrder() {
        Scorecard card = new Scorecard(7);
        assertThat(card.qualified()).isFalse();
        assertThat(card.blockers())
                .extracting(Blocker::topic)
                .containsExactly(
                        Topic.BUDGET,
                        Topic.AUTHORITY,
                        Topic.NEED,
                        Topic.TIMELINE,
                        Topic.ORGANIZATION,
                        Topic.OPPORTUNITY,
                        Topic.STAKEHOLDER);
        assertThat(card.blockers()).extracting(Blocker::status).containsOnly("UNKNOWN");
    }

    @Test
    void allLettersMetAndAllLevelsPassedQualifyAndLosingOneBlocksAgain() {
        Scorecard card = new Scorecard(7);
        card.answer(qualifiedCmd(MET), 1);
        assertThat(card.qualified()).isTrue();
        assertThat(card.blockers()).isEmpty();

        var changes = card.answer(qualifiedCmd(new Answer(LetterStatus.NOT_MET, "No money this year")), 1);
        assertThat(card.qualified()).isFalse();
        assertThat(card.blockers()).singleElement().satisfies(b -> {
            assertThat(b.topic()).isEqualTo(Topic.BUDGET);
            assertThat(b.message()).isEqualTo("Budget is not met");
        });
        assertThat(changes.asMap())
                .containsEntry("BUDGET", "NOT_MET")
                .containsEntry("BUDGET_NOTE", "No money this year");
    }

    @Test
    void theSameAnswersAgainChangeNothingAndAFailedLevelBlocks() {
        Scorecard card = new Scorecard(7);
        card.answer(qualifiedCmd(MET), 1);
        assertThat(card.answer(qualifiedCmd(MET), 2).isEmpty()).isTrue();

        card.answer(
                new QualificationCmd(
                        MET,
                        MET,
                        MET,
                        new TimelineAnswer(LetterStatus.MET, null, null),
                        LevelStatus.PASSED,
                        LevelStatus.FAILED,
                        LevelStatus.PASSED,
                        null),
                1);
        assertThat(card.blockers()).extracting(Blocker::message).containsExactly("Opportunity level failed");
    }

    @Test
    void aPurchaseMoreThanTwelveMonthsOutSuggestsNurture() {
        Scorecard card = new Scorecard(7);
        card.answer(withPurchase(TODAY.plusMonths(12)), 1);
        assertThat(card.suggestsNurture(TODAY)).isFalse();
        card.answer(withPurchase(TODAY.plusMonths(12).plusDays(1)), 1);
        assertThat(card.suggestsNurture(TODAY)).isTrue();
    }

    private static QualificationCmd qualifiedCmd(Answer budget) {
        return new QualificationCmd(
                budget,
                MET,
                MET,
                new TimelineAnswer(LetterStatus.MET, null, null),
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                null);
    }

    private static QualificationCmd withPurchase(LocalDate date) {
        return new QualificationCmd(
                MET,
                MET,
                MET,
                new TimelineAnswer(LetterStatus.MET, null, date),
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                LevelStatus.PASSED,
                null);
    }
}
