package org.pipelinecrm.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.scoring.FitRule.Operator;
import org.pipelinecrm.scoring.Scorecard.Behaviour;
import org.pipelinecrm.scoring.Scorecard.Contribution;

class ScorecardTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private final ScoringRules rules = new ScoringRules(
            List.of(
                    new FitRule("industry", Operator.EQUALS, "Software", 15),
                    new FitRule("country", Operator.NOT_IN, "Iran, Turkey", -20),
                    new FitRule("companySize", Operator.GTE, "200", 10)),
            List.of(new BehaviourRule("DEMO_REQUESTED", 25), new BehaviourRule("UNSUBSCRIBED", -30)),
            50,
            40,
            80,
            0);

    @Test
    void fitRulesMatchCaseInsensitivelyAndExplainThemselves() {
        var score = rules.scorecard()
                .score(Map.of("industry", "software", "country", "Iran", "companySize", "250"), List.of(), NOW);
        assertThat(score.total()).isEqualTo(25);
        assertThat(score.breakdown()).extracting(Contribution::points).containsExactly(15, 10);
        assertThat(score.mql()).isFalse();
    }

    @Test
    void outOfTerritoryCostsPointsAndMissingValuesMatchNothing() {
        var score = rules.scorecard().score(Map.of("country", "Germany"), List.of(), NOW);
        assertThat(score.total()).isEqualTo(-20);
        assertThat(rules.scorecard().score(Map.of(), List.of(), NOW).total()).isZero();
    }

    @Test
    void behaviourAddsUpIncludingNegativeSignalsAndCrossesThresholds() {
        var events = List.of(
                new Behaviour("DEMO_REQUESTED", NOW),
                new Behaviour("demo_requested", NOW),
                new Behaviour("UNSUBSCRIBED", NOW),
                new Behaviour("UNKNOWN", NOW));
        var score = rules.scorecard().score(Map.of("industry", "Software"), events, NOW);
        assertThat(score.total()).isEqualTo(15 + 50 - 30);
        assertThat(score.mql()).isFalse();
        var hot = rules.scorecard().score(Map.of("industry", "Software"), events.subList(0, 2), NOW);
        assertThat(hot.total()).isEqualTo(65);
        assertThat(hot.mql()).isTrue();
        assertThat(hot.salesReady()).isFalse();
    }

    @Test
    void behaviourPointsDecayPerWholeWeek() {
        var twoWeeksAgo = NOW.minus(Duration.ofDays(15));
        var score = rules.scorecard().score(Map.of(), List.of(new Behaviour("DEMO_REQUESTED", twoWeeksAgo)), NOW);
        // 25 × 0.5 × 0.5
        assertThat(score.total()).isEqualTo(6);
    }
}
