package org.pipelinecrm.insight.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Metrics;
import org.pipelinecrm.insight.MetricsFilter;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodLabels;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.pipelinecrm.insight.StalledDeal;
import org.pipelinecrm.insight.web.DashboardView.Breakdowns;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the dashboard pages in one read-only transaction: the figures, the filters' choices and their
 * wording all see the same moment of the workspace.
 */
@Component
@Transactional(readOnly = true)
class DashboardPage {

    private final Metrics metrics;
    private final FiscalYears fiscalYears;
    private final People people;
    private final Pipelines pipelines;
    private final Workspaces workspaces;
    private final PeriodLabels labels;
    private final DashboardCharts charts;
    private final DashboardFigures figures;

    DashboardPage(
            Metrics metrics,
            FiscalYears fiscalYears,
            People people,
            Pipelines pipelines,
            Workspaces workspaces,
            PeriodLabels labels,
            DashboardCharts charts,
            DashboardFigures figures) {
        this.metrics = metrics;
        this.fiscalYears = fiscalYears;
        this.people = people;
        this.pipelines = pipelines;
        this.workspaces = workspaces;
        this.labels = labels;
        this.charts = charts;
        this.figures = figures;
    }

    record Stalled(List<StalledDeal> deals, Map<Long, String> owners) {}

    /** Managers read the workspace, a team or a rep; everybody else reads their own figures, whatever is asked. */
    DashboardView view(DashboardFilter asked) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Period chosen = chosenPeriod(asked, fiscal);
        Actor me = CurrentUser.actor();
        boolean manager = me.seesWholeWorkspace();
        MetricsReport report = metrics.report(
                new MetricsFilter(
                        chosen.start(),
                        chosen.end(),
                        asked.pipelineId(),
                        manager ? asked.teamId() : null,
                        manager ? asked.ownerId() : null),
                me);
        DashboardFilter shown = new DashboardFilter(
                chosen.type() + ":" + chosen.start(),
                asked.pipelineId(),
                report.teamId(),
                manager ? report.ownerId() : null);
        String currency = workspaces.current().currency().name();
        Map<String, String> texts = figures.texts(report, currency);
        return new DashboardView(
                shown,
                report,
                labels.label(chosen),
                periodChoices(fiscal),
                pipelines.visible(),
                manager,
                manager ? people.teams() : List.of(),
                manager ? people.users() : List.of(),
                charts.of(report, fiscal),
                charts.winReasonLabels(report),
                texts,
                figures.figures(report, texts, currency),
                List.of(
                        new Breakdowns("source", report.bySource()), new Breakdowns("industry", report.byIndustry()),
                        new Breakdowns("owner", report.byOwner()), new Breakdowns("team", report.byTeam())));
    }

    /** The deals behind the "stalled deals" figure, for the dashboard's pipeline, team and owner filters. */
    Stalled stalled(DashboardFilter asked, int limit) {
        Actor me = CurrentUser.actor();
        LocalDate today = fiscalYears.today();
        MetricsFilter filter = new MetricsFilter(
                today,
                today,
                asked.pipelineId(),
                me.seesWholeWorkspace() ? asked.teamId() : null,
                me.seesWholeWorkspace() ? asked.ownerId() : null);
        return new Stalled(metrics.stalledDeals(filter, limit, me), people.userNames());
    }

    private Period chosenPeriod(DashboardFilter asked, FiscalYears.Setting fiscal) {
        LocalDate start = asked.periodStart();
        return start != null
                ? Periods.containing(start, asked.periodType(), fiscal.calendar(), fiscal.startMonth())
                : Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
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
}
