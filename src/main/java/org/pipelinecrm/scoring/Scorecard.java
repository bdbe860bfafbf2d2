package org.pipelinecrm.scoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores one lead against a model, explaining every point. Pure (no database), so the lead module can
 * call it while it holds the lead, and it can be unit-tested on its own. Scoring never depends on lead:
 * the lead hands in its fit attributes as a map and its events as a list.
 */
public final class Scorecard {

    private static final long WEEK_SECONDS = Duration.ofDays(7).toSeconds();
    private final ScoringRules rules;

    Scorecard(ScoringRules rules) {
        this.rules = rules;
    }

    /** A behaviour event of a lead. */
    public record Behaviour(String type, Instant occurredAt) {}

    /** One rule's share in a score. */
    public record Contribution(String rule, int points) {}

    /** A score and why. */
    public record Score(int total, List<Contribution> breakdown, boolean mql, boolean salesReady) {}

    public Score score(Map<String, String> fit, List<Behaviour> events, Instant now) {
        List<Contribution> parts = new ArrayList<>();
        for (FitRule rule : rules.fitRules()) {
            if (rule.matches(fit.get(rule.field()))) {
                parts.add(new Contribution(rule.describe(), rule.points()));
            }
        }
        // Behaviour points fade by the weekly decay; summed per event type so the breakdown stays short.
        Map<String, Double> byType = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Behaviour event : events) {
            rules.behaviourRules().stream()
                    .filter(r -> r.eventType().equalsIgnoreCase(event.type()))
                    .findFirst()
                    .ifPresent(rule -> {
                        byType.merge(rule.eventType(), rule.points() * decay(event.occurredAt(), now), Double::sum);
                        counts.merge(rule.eventType(), 1, Integer::sum);
                    });
        }
        byType.forEach((type, points) -> {
            int rounded = (int) Math.round(points);
            if (rounded != 0) {
                parts.add(new Contribution(type + " ×" + counts.get(type), rounded));
            }
        });
        int total = parts.stream().mapToInt(Contribution::points).sum();
        return new Score(total, List.copyOf(parts), total >= rules.mqlThreshold(), total >= rules.sqlThreshold());
    }

    private double decay(Instant occurredAt, Instant now) {
        if (rules.decayPercentPerWeek() == 0 || occurredAt == null || !occurredAt.isBefore(now)) {
            return 1.0;
        }
        long weeks = Duration.between(occurredAt, now).toSeconds() / WEEK_SECONDS;
        return Math.pow(1 - rules.decayPercentPerWeek() / 100.0, weeks);
    }

    public int mqlThreshold() {
        return rules.mqlThreshold();
    }

    public int sqlThreshold() {
        return rules.sqlThreshold();
    }
}
