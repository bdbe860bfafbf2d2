package org.pipelinecrm.winmodel;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A deal's features at one moment: now for an open deal, its close for a closed one (the stage it closed from, its
 * age and time in that stage at close, its activity in the 14 days before). A name {@code group=value} is one of a
 * group's choices (1 when it applies); a name without {@code =} is a number, scaled before training. Custom fields
 * of kind select, boolean and number take part; others do not.
 */
final class Features {

    /** What features a custom field of each kind gives. */
    enum CustomKind {
        SELECT,
        BOOLEAN,
        NUMBER
    }

    private Features() {}

    /** The moment the features stand at. */
    static Instant at(Signals.Deal deal, Instant now) {
        return deal.open() || deal.closedAt() == null ? now : deal.closedAt();
    }

    /** The stage the deal is in (open) or closed from (closed), null when its history does not say. */
    static Long stage(Signals.Deal deal) {
        return deal.open() ? Long.valueOf(deal.stageId()) : deal.closingStageId();
    }

    /** Days in that stage at that moment, null when unknown. */
    static Double daysInStage(Signals.Deal deal, Instant now) {
        Instant entered = deal.open() ? deal.stageEnteredAt() : deal.closingStageEnteredAt();
        return entered == null ? null : days(entered, at(deal, now));
    }

    static double ageDays(Signals.Deal deal, Instant now) {
        return days(deal.openedAt(), at(deal, now));
    }

    static Map<String, Double> of(
            Signals.Deal deal, Instant now, Map<Long, Double> usualDays, Map<String, CustomKind> customFields) {
        Map<String, Double> f = new HashMap<>();
        Long stage = stage(deal);
        if (stage != null) {
            f.put("stage=" + stage, 1.0);
            Double inStage = daysInStage(deal, now);
            Double usual = usualDays.get(stage);
            if (inStage != null && usual != null) {
                f.put("stageTime", Math.log((inStage + 1) / (usual + 1)));
            }
        }
        f.put("age", Math.log1p(ageDays(deal, now)));
        f.put("amount", Math.log1p(deal.amount() == null ? 0 : deal.amount().doubleValue()));
        f.put("activity", Math.log1p(deal.recentActivities()));
        if (deal.source() != null && !deal.source().isBlank()) {
            f.put("source=" + deal.source().trim(), 1.0);
        }
        if (deal.industry() != null && !deal.industry().isBlank()) {
            f.put("industry=" + deal.industry().trim(), 1.0);
        }
        f.put("owner=" + deal.ownerId(), 1.0);
        deal.qualification().forEach((group, value) -> f.put(group + "=" + value, 1.0));
        customFields.forEach((key, kind) -> {
            Object value = deal.customFields().get(key);
            if (value == null) {
                return;
            }
            switch (kind) {
                case SELECT -> f.put("cf." + key + "=" + value, 1.0);
                case BOOLEAN -> f.put("cf." + key, Boolean.TRUE.equals(value) || "true".equals(value) ? 1.0 : 0.0);
                case NUMBER -> {
                    if (value instanceof Number number) {
                        f.put("cf." + key, number.doubleValue());
                    }
                }
            }
        });
        return f;
    }

    /** The group a feature belongs to: {@code source} for {@code source=Referral}, the name itself for a number. */
    static String group(String feature) {
        int eq = feature.indexOf('=');
        return eq < 0 ? feature : feature.substring(0, eq);
    }

    static boolean numeric(String feature) {
        return feature.indexOf('=') < 0;
    }

    private static double days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds() / 86400.0);
    }
}
