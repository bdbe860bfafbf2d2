package org.pipelinecrm.insight.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodLabels;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The charts' data as JSON for data-* attributes (the page's script draws them; no inline scripts). */
@Component
class DashboardCharts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PeriodLabels labels;
    private final MessageSource messages;

    DashboardCharts(PeriodLabels labels, MessageSource messages) {
        this.labels = labels;
        this.messages = messages;
    }

    Map<String, String> of(MetricsReport r, FiscalYears.Setting fiscal) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> charts = new LinkedHashMap<>();

        List<String> steps = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        r.funnel().forEach(s -> {
            steps.add(messages.getMessage("dash.funnel." + s.step(), null, locale));
            counts.add(s.count());
        });
        charts.put(
                "funnel",
                JSON.writeValueAsString(Map.of(
                        "labels", steps, "values", counts, "name", messages.getMessage("dash.leads", null, locale))));

        Map<String, Object> coverage = new LinkedHashMap<>();
        coverage.put("value", r.pipelineCoverage());
        coverage.put("guideline", MetricsReport.COVERAGE_GUIDELINE);
        coverage.put(
                "labels",
                List.of(
                        messages.getMessage("dash.coverage", null, locale),
                        messages.getMessage("dash.coverage.toGuideline", null, locale)));
        charts.put("coverage", JSON.writeValueAsString(coverage));

        List<String> months = new ArrayList<>();
        List<Object> won = new ArrayList<>();
        List<Object> wonCount = new ArrayList<>();
        List<Object> lostCount = new ArrayList<>();
        r.trend().forEach(m -> {
            months.add(labels.label(
                    Periods.containing(m.start(), PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth())));
            won.add(m.wonAmount());
            wonCount.add(m.won());
            lostCount.add(m.lost());
        });
        charts.put(
                "trend",
                JSON.writeValueAsString(Map.of(
                        "labels",
                        months,
                        "wonAmount",
                        won,
                        "won",
                        wonCount,
                        "lost",
                        lostCount,
                        "names",
                        List.of(
                                messages.getMessage("dash.wonAmount", null, locale),
                                messages.getMessage("dash.wonDeals", null, locale),
                                messages.getMessage("dash.lostDeals", null, locale)))));

        List<String> forecastMonths = new ArrayList<>();
        List<Object> commit = new ArrayList<>();
        List<Object> best = new ArrayList<>();
        List<Object> weighted = new ArrayList<>();
        r.forecastByMonth().forEach(m -> {
            Period p = Periods.containing(m.start(), PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth());
            forecastMonths.add(labels.label(p));
            commit.add(m.commit());
            best.add(m.bestCase());
            weighted.add(m.weighted());
        });
        charts.put(
                "forecast",
                JSON.writeValueAsString(Map.of(
                        "labels",
                        forecastMonths,
                        "commit",
                        commit,
                        "bestCase",
                        best,
                        "weighted",
                        weighted,
                        "names",
                        List.of(
                                messages.getMessage("dash.forecast.commit", null, locale),
                                messages.getMessage("dash.forecast.bestCase", null, locale),
                                messages.getMessage("dash.forecast.weighted", null, locale)))));

        charts.put(
                "reasons",
                JSON.writeValueAsString(Map.of(
                        "labels",
                                r.lossReasons().stream()
                                        .map(x -> reasonLabel(x, locale))
                                        .toList(),
                        "values",
                                r.lossReasons().stream()
                                        .map(MetricsReport.Reason::count)
                                        .toList(),
                        "name", messages.getMessage("dash.lossReasons", null, locale))));
        return charts;
    }

    /** The won deals' reasons by code, as the reader says them. */
    Map<String, String> winReasonLabels(MetricsReport r) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> labels = new LinkedHashMap<>();
        r.winReasons().stream()
                .filter(x -> x.code() != null)
                .forEach(x -> labels.put(x.code(), reasonLabel(x, locale)));
        return labels;
    }

    /**
     * A built-in close reason still under its built-in name reads in the reader's language, as on the board;
     * a reason the workspace named or renamed reads as it named it.
     */
    private String reasonLabel(MetricsReport.Reason x, Locale locale) {
        if (x.label() == null) {
            return "—";
        }
        String builtIn = messages.getMessage("reason." + x.code(), null, null, Locale.ENGLISH);
        return x.label().equals(builtIn)
                ? messages.getMessage("reason." + x.code(), null, x.label(), locale)
                : x.label();
    }
}
