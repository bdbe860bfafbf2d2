package org.pipelinecrm.winmodel;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldView;
import org.pipelinecrm.customfield.RecordKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The win probability of open deals: one read of the deals' signals for a whole page, then a dot product with the
 * stored coefficients per deal in Java. Without a trained model (too little history) it is the stage probability.
 */
@Service
public class WinProbabilities {

    /** Factors shown per deal, the largest first; smaller than a point they are left out. */
    static final int FACTORS = 5;

    private final Signals signals;
    private final WinModels models;
    private final CustomFields customFields;
    private final MessageSource messages;

    WinProbabilities(Signals signals, WinModels models, CustomFields customFields, MessageSource messages) {
        this.signals = signals;
        this.models = models;
        this.customFields = customFields;
        this.messages = messages;
    }

    /** The probability of each of these deals that is open and visible in this workspace, by deal id. */
    @Transactional(readOnly = true)
    public Map<Long, WinProbability> of(Collection<Long> dealIds) {
        return score(signals.deals(dealIds));
    }

    /** One deal's probability, empty when it is closed or not in this workspace. */
    @Transactional(readOnly = true)
    public Optional<WinProbability> of(long dealId) {
        return Optional.ofNullable(of(List.of(dealId)).get(dealId));
    }

    /**
     * Open amount weighted by the win probability, of a pipeline's (or all pipelines') open deals, optionally of one
     * owner or team, beside the stage-weighted amount: {@code [byWinProbability, byStage]}.
     */
    @Transactional(readOnly = true)
    public Weighted weightedOpenAmount(Long pipelineId, Long ownerId, Long teamId) {
        List<Signals.Deal> open = signals.open(pipelineId, ownerId, teamId);
        Map<Long, WinProbability> p = score(open);
        BigDecimal byModel = BigDecimal.ZERO;
        BigDecimal byStage = BigDecimal.ZERO;
        for (Signals.Deal d : open) {
            BigDecimal amount = d.amount() == null ? BigDecimal.ZERO : d.amount();
            byModel =
                    byModel.add(amount.multiply(BigDecimal.valueOf(p.get(d.id()).value())));
            byStage = byStage.add(amount.multiply(BigDecimal.valueOf(d.probability())));
        }
        boolean model = open.stream().anyMatch(d -> p.get(d.id()).source() == WinProbability.Source.MODEL)
                || (open.isEmpty() && models.coefficients().isPresent());
        return new Weighted(
                byModel.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                byStage.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP),
                open.size(),
                model ? WinProbability.Source.MODEL : WinProbability.Source.STAGE);
    }

    /** Open amount weighted by win probability and by stage probability, over {@code deals} open deals. */
    public record Weighted(BigDecimal byWinProbability, BigDecimal byStage, int deals, WinProbability.Source source) {}

    private Map<Long, WinProbability> score(List<Signals.Deal> deals) {
        Map<Long, WinProbability> scores = new HashMap<>();
        Optional<Coefficients> model = deals.isEmpty() ? Optional.empty() : models.coefficients();
        if (model.isEmpty()) {
            deals.stream()
                    .filter(Signals.Deal::open)
                    .forEach(d -> scores.put(d.id(), WinProbability.stage(d.probability())));
            return scores;
        }
        Coefficients c = model.get();
        Map<String, Features.CustomKind> custom = models.customKinds();
        Wording wording = new Wording(LocaleContextHolder.getLocale());
        Instant now = Instant.now();
        for (Signals.Deal d : deals) {
            if (!d.open()) {
                continue;
            }
            Coefficients.Scored s = c.score(Features.of(d, now, c.usualDays(), custom));
            List<WinProbability.Factor> factors = new ArrayList<>();
            for (String group : s.contributions().keySet()) {
                int points = (int) Math.round(s.points(group));
                if (points != 0) {
                    factors.add(new WinProbability.Factor(group, wording.of(group, d, c, now), points));
                }
            }
            factors.sort(Comparator.comparingInt((WinProbability.Factor f) -> -Math.abs(f.points())));
            scores.put(
                    d.id(),
                    new WinProbability(
                            (int) Math.round(100 * s.probability()),
                            List.copyOf(factors.subList(0, Math.min(FACTORS, factors.size()))),
                            WinProbability.Source.MODEL));
        }
        return scores;
    }

    /** Words a factor for the reader, from what the deal has for it (looked up once per page). */
    private final class Wording {
        private final Locale locale;
        private Map<Long, Signals.Stage> stages;
        private Map<String, FieldView> fields;

        Wording(Locale locale) {
            this.locale = locale;
        }

        String of(String group, Signals.Deal d, Coefficients c, Instant now) {
            return switch (group) {
                case "stage" -> text("winmodel.factor.stage", stageName(Features.stage(d)));
                case "stageTime" -> {
                    Long stage = Features.stage(d);
                    Double days = Features.daysInStage(d, now);
                    Double usual = stage == null ? null : c.usualDays().get(stage);
                    yield text(
                            "winmodel.factor.stageTime",
                            days == null ? 0 : Math.round(days),
                            stageName(stage),
                            usual == null ? 0 : Math.round(usual));
                }
                case "age" -> text("winmodel.factor.age", Math.round(Features.ageDays(d, now)));
                case "amount" -> text("winmodel.factor.amount");
                case "activity" -> text("winmodel.factor.activity", d.recentActivities());
                case "source" ->
                    blank(d.source()) ? text("winmodel.factor.noSource") : text("winmodel.factor.source", d.source());
                case "industry" ->
                    blank(d.industry())
                            ? text("winmodel.factor.noIndustry")
                            : text("winmodel.factor.industry", d.industry());
                case "owner" -> text("winmodel.factor.owner");
                default -> other(group, d);
            };
        }

        private String other(String group, Signals.Deal d) {
            if (group.startsWith("bant.") || group.startsWith("level.")) {
                String value = d.qualification().getOrDefault(group, "UNKNOWN");
                return text("winmodel.factor." + group, text("winmodel.value." + value));
            }
            if (group.startsWith("cf.")) {
                String key = group.substring(3);
                FieldView field = fields().get(key);
                Object value = d.customFields().get(key);
                String label = field == null ? key : field.labelIn(locale);
                return text("winmodel.factor.custom", label, value == null ? text("winmodel.value.UNKNOWN") : value);
            }
            return group;
        }

        private String stageName(Long id) {
            if (stages == null) {
                stages = signals.stages();
            }
            Signals.Stage stage = id == null ? null : stages.get(id);
            return stage == null ? "?" : stage.name();
        }

        private Map<String, FieldView> fields() {
            if (fields == null) {
                fields = new HashMap<>();
                customFields.fields(RecordKind.OPPORTUNITY).forEach(f -> fields.put(f.key(), f));
            }
            return fields;
        }

        private String text(String key, Object... args) {
            return messages.getMessage(key, args, key, locale);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
