package org.pipelinecrm.insight.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpSession;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Metrics;
import org.pipelinecrm.insight.MetricsFilter;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.pipelinecrm.pipeline.Pipelines;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboard: managers read the workspace, a team or a rep; reps read their own figures. The filters
 * chosen last are kept in the session, so coming back shows the same view.
 */
@Controller
@RequestMapping("/dashboard")
class DashboardController {

    private static final String REMEMBERED = "dashboard.filters";
    private static final int STALLED_SHOWN = 200;

    private final Metrics metrics;
    private final FiscalYears fiscalYears;
    private final People people;
    private final Pipelines pipelines;
    private final PeriodLabels labels;
    private final DashboardCharts charts;
    private final org.springframework.context.MessageSource messages;
    private final org.pipelinecrm.shared.web.Formats formats;
    private final org.pipelinecrm.tenant.Workspaces workspaces;

    DashboardController(Metrics metrics, FiscalYears fiscalYears, People people, Pipelines pipelines,
            PeriodLabels labels, DashboardCharts charts, org.springframework.context.MessageSource messages,
            org.pipelinecrm.shared.web.Formats formats, org.pipelinecrm.tenant.Workspaces workspaces) {
        this.messages = messages;
        this.formats = formats;
        this.workspaces = workspaces;
        this.metrics = metrics;
        this.fiscalYears = fiscalYears;
        this.people = people;
        this.pipelines = pipelines;
        this.labels = labels;
        this.charts = charts;
    }

    record Breakdowns(String key, java.util.List<MetricsReport.Breakdown> rows) {
    }

    /** The filters of the form; blank values mean "all". */
    record Filters(String period, Long pipelineId, Long teamId, Long ownerId) implements java.io.Serializable {
    }

    @GetMapping
    String dashboard(@RequestParam(required = false) String period, @RequestParam(required = false) String pipelineId,
            @RequestParam(required = false) String teamId, @RequestParam(required = false) String ownerId,
            HttpSession session, Model model) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Filters filters = period == null && session.getAttribute(REMEMBERED) instanceof Filters kept ? kept
                : new Filters(period, id(pipelineId), id(teamId), id(ownerId));
        Period chosen = chosenPeriod(filters.period(), fiscal);
        CrmUser me = CurrentUser.get();
        MetricsReport report = metrics.report(new MetricsFilter(chosen.start(), chosen.end(), filters.pipelineId(),
                me.seesWholeWorkspace() ? filters.teamId() : null, me.seesWholeWorkspace() ? filters.ownerId() : null));
        filters = new Filters(chosen.type() + ":" + chosen.start(), filters.pipelineId(), report.teamId(),
                me.seesWholeWorkspace() ? report.ownerId() : null);
        session.setAttribute(REMEMBERED, filters);

        model.addAttribute("filters", filters);
        model.addAttribute("report", report);
        model.addAttribute("periodLabel", labels.label(chosen));
        model.addAttribute("periods", periodChoices(fiscal));
        model.addAttribute("pipelines", pipelines.visible());
        model.addAttribute("manager", me.seesWholeWorkspace());
        if (me.seesWholeWorkspace()) {
            model.addAttribute("teams", people.teams());
            model.addAttribute("users", people.users());
        }
        model.addAttribute("charts", charts.of(report, fiscal));
        model.addAttribute("winReasonLabels", charts.winReasonLabels(report));
        model.addAttribute("guideline", MetricsReport.COVERAGE_GUIDELINE);
        model.addAttribute("texts", texts(report));
        model.addAttribute("figures", figures(report));
        model.addAttribute("breakdowns", java.util.List.of(new Breakdowns("source", report.bySource()),
                new Breakdowns("industry", report.byIndustry()), new Breakdowns("owner", report.byOwner()),
                new Breakdowns("team", report.byTeam())));
        return "insight/dashboard";
    }

    /** The deals behind the "stalled deals" figure, for the dashboard's pipeline, team and owner filters. */
    @GetMapping("/stalled")
    String stalled(@RequestParam(required = false) String pipelineId, @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String ownerId, Model model) {
        CrmUser me = CurrentUser.get();
        LocalDate today = fiscalYears.today();
        MetricsFilter filter = new MetricsFilter(today, today, id(pipelineId),
                me.seesWholeWorkspace() ? id(teamId) : null, me.seesWholeWorkspace() ? id(ownerId) : null);
        model.addAttribute("deals", metrics.stalledDeals(filter, STALLED_SHOWN + 1));
        model.addAttribute("shown", STALLED_SHOWN);
        model.addAttribute("owners", people.userNames());
        return "insight/stalled";
    }

    /** A headline figure: message key of its name (its definition is the key + ".def"), value, previous value. */
    record Figure(String id, String label, String value, String previous) {
    }

    private java.util.List<Figure> figures(MetricsReport r) {
        String currency = workspaces.current().currency().name();
        Map<String, String> texts = texts(r);
        var p = r.previous();
        return java.util.List.of(
                new Figure("won-amount", "dash.wonAmount", formats.money(r.wonAmount(), currency),
                        formats.money(p.wonAmount(), currency)),
                new Figure("win-rate", "dash.winRate", dash(formats.percent(r.winRate())), dash(formats.percent(p.winRate()))),
                new Figure("deal-size", "dash.averageDealSize", dash(formats.money(r.averageDealSize(), currency)),
                        dash(formats.money(p.averageDealSize(), currency))),
                new Figure("deal-age", "dash.averageAge", dash(texts.get("age")), dash(texts.get("previousAge"))),
                new Figure("qualified-leads", "dash.qualifiedLeads", formats.number(r.qualifiedLeads()),
                        formats.number(p.qualifiedLeads())),
                new Figure("lead-conversion", "dash.leadConversion", dash(formats.percent(r.leadConversionRate())),
                        dash(formats.percent(p.leadConversionRate()))),
                new Figure("mql-sql", "dash.mqlToSql", dash(formats.percent(r.mqlToSqlRate())),
                        dash(formats.percent(p.mqlToSqlRate()))),
                new Figure("velocity", "dash.velocity", dash(texts.get("velocity")), null));
    }

    private static String dash(String value) {
        return value == null || value.isEmpty() ? "—" : value;
    }

    /** Figures with their unit ("56.6 days"), worked out here: templates may not build message arguments. */
    private Map<String, String> texts(MetricsReport r) {
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        String currency = workspaces.current().currency().name();
        Map<String, String> texts = new java.util.HashMap<>();
        texts.put("age", r.averageWonDealAgeDays() == null ? ""
                : messages.getMessage("dash.days", new Object[] {formats.number(r.averageWonDealAgeDays())}, locale));
        texts.put("previousAge", r.previous().averageWonDealAgeDays() == null ? "" : messages.getMessage("dash.days",
                new Object[] {formats.number(r.previous().averageWonDealAgeDays())}, locale));
        texts.put("velocity", r.salesVelocity() == null ? ""
                : messages.getMessage("dash.perDay", new Object[] {formats.money(r.salesVelocity(), currency)}, locale));
        texts.put("coverage", r.pipelineCoverage() == null ? "—"
                : messages.getMessage("dash.times", new Object[] {formats.number(r.pipelineCoverage())}, locale));
        return texts;
    }

    private Period chosenPeriod(String key, FiscalYears.Setting fiscal) {
        if (key != null && key.matches("(MONTH|QUARTER|YEAR):\\d{4}-\\d{2}-\\d{2}")) {
            String[] parts = key.split(":");
            return Periods.containing(LocalDate.parse(parts[1]), PeriodType.valueOf(parts[0]), fiscal.calendar(),
                    fiscal.startMonth());
        }
        return Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
    }

    /** This and the recent months, quarters and years, newest first, named in the workspace's calendar. */
    private Map<String, String> periodChoices(FiscalYears.Setting fiscal) {
        Map<String, String> choices = new LinkedHashMap<>();
        LocalDate today = fiscalYears.today();
        for (PeriodType type : new PeriodType[] {PeriodType.QUARTER, PeriodType.MONTH, PeriodType.YEAR}) {
            int count = type == PeriodType.MONTH ? 13 : type == PeriodType.QUARTER ? 8 : 4;
            Period p = Periods.containing(today, type, fiscal.calendar(), fiscal.startMonth());
            for (int i = 0; i < count; i++) {
                choices.put(type + ":" + p.start(), labels.label(p));
                p = Periods.previous(p, fiscal.startMonth());
            }
        }
        return choices;
    }

    private static Long id(String value) {
        return value == null || value.isBlank() || !value.matches("\\d{1,18}") ? null : Long.valueOf(value);
    }
}
