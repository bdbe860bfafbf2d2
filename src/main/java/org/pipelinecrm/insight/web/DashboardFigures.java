package org.pipelinecrm.insight.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.insight.web.DashboardView.Figure;
import org.pipelinecrm.shared.web.Formats;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The headline figures as their reader writes them: money, percentages, days, with their units. */
@Component
class DashboardFigures {

    private final MessageSource messages;
    private final Formats formats;

    DashboardFigures(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    List<Figure> figures(MetricsReport r, Map<String, String> texts, String currency) {
        var p = r.previous();
        return List.of(
                new Figure(
                        "won-amount",
                        "dash.wonAmount",
                        formats.money(r.wonAmount(), currency),
                        formats.money(p.wonAmount(), currency)),
                new Figure(
                        "win-rate",
                        "dash.winRate",
                        dash(formats.percent(r.winRate())),
                        dash(formats.percent(p.winRate()))),
                new Figure(
                        "deal-size",
                        "dash.averageDealSize",
                        dash(formats.money(r.averageDealSize(), currency)),
                        dash(formats.money(p.averageDealSize(), currency))),
                new Figure("deal-age", "dash.averageAge", dash(texts.get("age")), dash(texts.get("previousAge"))),
                new Figure(
                        "qualified-leads",
                        "dash.qualifiedLeads",
                        formats.number(r.qualifiedLeads()),
                        formats.number(p.qualifiedLeads())),
                new Figure(
                        "lead-conversion",
                        "dash.leadConversion",
                        dash(formats.percent(r.leadConversionRate())),
                        dash(formats.percent(p.leadConversionRate()))),
                new Figure(
                        "mql-sql",
                        "dash.mqlToSql",
                        dash(formats.percent(r.mqlToSqlRate())),
                        dash(formats.percent(p.mqlToSqlRate()))),
                new Figure("velocity", "dash.velocity", dash(texts.get("velocity")), null));
    }

    /** Figures with their unit ("56.6 days"), worked out here: templates may not build message arguments. */
    Map<String, String> texts(MetricsReport r, String currency) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new HashMap<>();
        texts.put(
                "age",
                r.averageWonDealAgeDays() == null
                        ? ""
                        : messages.getMessage(
                                "dash.days", new Object[] {formats.number(r.averageWonDealAgeDays())}, locale));
        texts.put(
                "previousAge",
                r.previous().averageWonDealAgeDays() == null
                        ? ""
                        : messages.getMessage(
                                "dash.days",
                                new Object[] {formats.number(r.previous().averageWonDealAgeDays())},
                                locale));
        texts.put(
                "velocity",
                r.salesVelocity() == null
                        ? ""
                        : messages.getMessage(
                                "dash.perDay", new Object[] {formats.money(r.salesVelocity(), currency)}, locale));
        texts.put(
                "coverage",
                r.pipelineCoverage() == null
                        ? "—"
                        : messages.getMessage(
                                "dash.times", new Object[] {formats.number(r.pipelineCoverage())}, locale));
        return texts;
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }
}
