package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.insight.MetricsReport.Comparison;
import org.pipelinecrm.insight.MetricsReport.Forecast;
import org.pipelinecrm.insight.MetricsReport.ForecastMonth;
import org.pipelinecrm.insight.MetricsReport.FunnelStep;
import org.pipelinecrm.insight.MetricsReport.LeadSource;
import org.pipelinecrm.insight.MetricsReport.OpenPipeline;
import org.pipelinecrm.insight.MetricsReport.StageFigures;
import org.pipelinecrm.insight.MetricsReport.TrendMonth;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard figures. Managers and admins read the workspace, a team or a rep; everybody else reads
 * only their own deals and leads, whatever the filter says.
 */
@Service
@Transactional(readOnly = true)
public class Metrics {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Metrics.class);
    private static final int TREND_MONTHS = 12;
    private static final int FORECAST_MONTHS = 6;

    private final DealFigures deals;
    private final LeadFigures leads;
    private final TargetFigures targets;
    private final FiscalYears fiscalYears;
    private final People people;
    private final ClosedGroups closedGroups;

    Metrics(
            DealFigures deals,
            LeadFigures leads,
            TargetFigures targets,
            FiscalYears fiscalYears,
            People people,
            ClosedGroups closedGroups) {
        this.deals = deals;
        this.leads = leads;
        this.targets = targets;
        this.fiscalYears = fiscalYears;
        this.people = people;
        this.closedGroups = closedGroups;
    }

    /** The filter narrowed to what {@code me} may see. */
    public static MetricsFilter visible(MetricsFilter filter, Actor me) {
        return me.seesWholeWorkspace() ? filter : filter.forOwner(me.id());
    }

    /** The report of the days asked for; a missing end falls back to this quarter's, in the same transaction. */
    public MetricsReport report(LocalDate from, LocalDate to, Long pipelineId, Long teamId, Long ownerId, Actor by) {
        if (from == null || to == null) {
            FiscalYears.Setting fiscal = fiscalYears.current();
            Period quarter =
                    Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
            from = from == null ? quarter.start() : from;
            to = to == null ? quarter.end() : to;
        }
        return report(new MetricsFilter(from, to, pipelineId, teamId, ownerId), by);
    }

    public MetricsReport report(MetricsFilter requested, Actor by) {
        MetricsFilter filter = checked(requested, by);
        ZoneId zone = fiscalYears.zone();
        MetricsScope scope = new MetricsScope(filter, zone);

        QueryTimings t = new QueryTimings();
        DealFigures.Closed closed = t.time("closed", () -> deals.closed(scope));
        List<LeadFigures.Cohort> cohort = t.time("leadFunnel", () -> leads.cohort(scope));
        LeadFigures.Cohort all =
                cohort.stream().filter(LeadFigures.Cohort::total).findFirst().orElseThrow();
        long qualified = t.time("qualifiedLeads", () -> leads.qualified(scope));

        List<DealFigures.OpenStage> open = t.time("openPipeline", () -> deals.openByStage(scope));
        long openCount = open.stream().mapToLong(DealFigures.OpenStage::count).sum();
        BigDecimal openAmount =
                money(open.stream().map(DealFigures.OpenStage::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
        BigDecimal openWeighted =
                money(open.stream().map(DealFigures.OpenStage::weighted).reduce(BigDecimal.ZERO, BigDecimal::add));
        long withDecisionMaker = openCount == 0 ? 0 : t.time("decisionMakers", () -> deals.withDecisionMaker(scope));

        BigDecimal winRate = rate(closed.won(), closed.won() + closed.lost());
        BigDecimal wonAmount = money(closed.wonAmount());
        BigDecimal averageDealSize = closed.won() == 0
                ? null
                : money(closed.wonAmount().divide(BigDecimal.valueOf(closed.won()), 6, RoundingMode.HALF_UP));
        BigDecimal averageAge =
                closed.averageAgeDays() == null ? null : closed.averageAgeDays().setScale(1, RoundingMode.HALF_UP);

        BigDecimal target = t.time("target", () -> targets.target(filter));
        BigDecimal remaining =
                target == null ? null : target.subtract(wonAmount).max(BigDecimal.ZERO);
        BigDecimal coverage = remaining == null || remaining.signum() == 0
                ? null
                : openAmount.divide(remaining, 2, RoundingMode.HALF_UP);

        FiscalYears.Setting fiscal = fiscalYears.current();
        List<Period> forecastMonths =
                Periods.from(filter.from(), PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth(), FORECAST_MONTHS);
        Map<Integer, DealFigures.ForecastBucket> byCloseMonth =
                t.time("forecast", () -> deals.openByCloseMonth(scope, starts(forecastMonths)));
        Forecast forecast = forecast(
                closed.wonAmount(),
                t.time(
                                "forecast",
                                () -> deals.openByCloseMonth(
                                        scope,
                                        List.of(filter.from(), filter.to().plusDays(1))))
                        .get(1));
        List<ForecastMonth> forecastByMonth = new ArrayList<>();
        for (int i = 0; i < forecastMonths.size(); i++) {
            Period p = forecastMonths.get(i);
            var b = byCloseMonth.get(i + 1);
            forecastByMonth.add(
                    b == null
                            ? new ForecastMonth(p.start(), p.end(), zero(), zero(), zero())
                            : new ForecastMonth(
                                    p.start(), p.end(), money(b.commit()), money(b.bestCase()), money(b.weighted())));
        }

        Period last = Periods.containing(filter.to(), PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth());
        LocalDate first = last.start();
        for (int i = 1; i < TREND_MONTHS; i++) {
            first = Periods.containing(first.minusDays(1), PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth())
                    .start();
        }
        List<Period> trendMonths =
                Periods.from(first, PeriodType.MONTH, fiscal.calendar(), fiscal.startMonth(), TREND_MONTHS);
        Map<Integer, DealFigures.Bucket> byMonth =
                t.time("trend", () -> deals.closedByMonth(scope, starts(trendMonths)));
        List<TrendMonth> trend = new ArrayList<>();
        for (int i = 0; i < trendMonths.size(); i++) {
            Period p = trendMonths.get(i);
            var b = byMonth.get(i + 1);
            trend.add(
                    b == null
                            ? new TrendMonth(p.start(), p.end(), 0, 0, zero())
                            : new TrendMonth(p.start(), p.end(), b.won(), b.lost(), money(b.wonAmount())));
        }

        DealFigures.Stalled stalled = t.time("stalled", () -> deals.stalled(scope));
        BigDecimal velocity =
                averageDealSize == null || winRate == null || averageAge == null || averageAge.signum() == 0
                        ? null
                        : averageDealSize
                                .multiply(BigDecimal.valueOf(openCount))
                                .multiply(winRate)
                                .divide(closed.averageAgeDays(), 2, RoundingMode.HALF_UP);

        ClosedGroups.Named groups = closedGroups.named(t.time("breakdowns", () -> deals.closedGroups(scope)));
        MetricsFilter before = filter.previous();
        MetricsScope previousScope = new MetricsScope(before, zone);
        DealFigures.Closed prevClosed = t.time("previous", () -> deals.closed(previousScope));
        LeadFigures.Cohort prevCohort = t.time("previous", () -> leads.cohort(previousScope)).stream()
                .filter(LeadFigures.Cohort::total)
                .findFirst()
                .orElseThrow();
        long prevQualified = t.time("previous", () -> leads.qualified(previousScope));
        Comparison previous = new Comparison(
                before.from(),
                before.to(),
                prevQualified,
                rate(prevCohort.won(), prevCohort.leads()),
                rate(prevCohort.sql(), prevCohort.mql()),
                prevClosed.won(),
                rate(prevClosed.won(), prevClosed.won() + prevClosed.lost()),
                money(prevClosed.wonAmount()),
                prevClosed.won() == 0
                        ? null
                        : money(prevClosed
                                .wonAmount()
                                .divide(BigDecimal.valueOf(prevClosed.won()), 6, RoundingMode.HALF_UP)),
                prevClosed.averageAgeDays() == null
                        ? null
                        : prevClosed.averageAgeDays().setScale(1, RoundingMode.HALF_UP));

        List<StageFigures> stages = t.time("stages", () -> stages(scope, open));
        LOG.debug("dashboard query sets (ms): {}", t);
        return new MetricsReport(
                filter.from(),
                filter.to(),
                filter.pipelineId(),
                filter.teamId(),
                filter.ownerId(),
                qualified,
                funnel(all),
                rate(all.won(), all.leads()),
                rate(all.sql(), all.mql()),
                closed.won(),
                closed.lost(),
                winRate,
                wonAmount,
                averageDealSize,
                averageAge,
                velocity,
                new OpenPipeline(openCount, openAmount, openWeighted),
                rate(withDecisionMaker, openCount),
                target,
                remaining,
                coverage,
                forecast,
                forecastByMonth,
                stalled.count(),
                money(stalled.amount()),
                stages,
                groups.source(),
                groups.industry(),
                groups.owner(),
                groups.team(),
                leadSources(cohort),
                groups.loss(),
                groups.win(),
                trend,
                previous);
    }

    /** The deals behind the "stalled deals" figure for the same filter, longest stalled first, at most {@code limit}. */
    public List<StalledDeal> stalledDeals(MetricsFilter requested, int limit, Actor by) {
        MetricsFilter filter = checked(requested, by);
        return deals.stalledDeals(new MetricsScope(filter, fiscalYears.zone()), limit);
    }

    /** The filter narrowed to what the person may see; a pipeline, team or person of another workspace is not found. */
    private MetricsFilter checked(MetricsFilter requested, Actor by) {
        MetricsFilter filter = visible(requested, by);
        if (filter.pipelineId() != null && !deals.pipelineExists(filter.pipelineId())) {
            throw new NotFoundException("Pipeline", filter.pipelineId());
        }
        if (filter.teamId() != null) {
            people.team(filter.teamId());
        }
        if (filter.ownerId() != null) {
            people.user(filter.ownerId());
        }
        return filter;
    }

    private static Forecast forecast(BigDecimal won, DealFigures.ForecastBucket open) {
        if (open == null) {
            return new Forecast(money(won), money(won), money(won));
        }
        return new Forecast(
                money(won.add(open.commit())), money(won.add(open.bestCase())), money(won.add(open.weighted())));
    }

    private static List<FunnelStep> funnel(LeadFigures.Cohort c) {
        return List.of(
                new FunnelStep("LEAD", c.leads(), null),
                new FunnelStep("MQL", c.mql(), rate(c.mql(), c.leads())),
                new FunnelStep("SQL", c.sql(), rate(c.sql(), c.mql())),
                new FunnelStep("OPPORTUNITY", c.converted(), rate(c.converted(), c.sql())),
                new FunnelStep("WON", c.won(), rate(c.won(), c.converted())));
    }

    private static List<LeadSource> leadSources(List<LeadFigures.Cohort> cohort) {
        return cohort.stream()
                .filter(c -> !c.total())
                .map(c -> new LeadSource(c.source(), c.leads(), c.converted(), c.won(), rate(c.won(), c.leads())))
                .sorted(Comparator.comparingLong(LeadSource::leads).reversed())
                .toList();
    }

    private List<StageFigures> stages(MetricsScope scope, List<DealFigures.OpenStage> open) {
        Map<Long, DealFigures.Flow> flows = deals.stageFlow(scope);
        Map<Long, DealFigures.OpenStage> openByStage = new java.util.HashMap<>();
        open.forEach(o -> openByStage.put(o.stageId(), o));
        List<StageFigures> stages = new ArrayList<>();
        for (DealFigures.StageRow s : deals.stages(scope.filter.pipelineId())) {
            var f = flows.get(s.id());
            var o = openByStage.get(s.id());
            long exited = f == null ? 0 : f.exited();
            stages.add(new StageFigures(
                    s.id(),
                    s.pipelineId(),
                    s.name(),
                    s.kind(),
                    s.position(),
                    o == null ? 0 : o.count(),
                    o == null ? zero() : money(o.amount()),
                    f == null ? 0 : f.entered(),
                    exited,
                    f == null ? 0 : f.forward(),
                    f == null ? null : rate(f.forward(), exited),
                    exited == 0
                            ? null
                            : BigDecimal.valueOf(f.seconds() / 86400.0 / exited).setScale(1, RoundingMode.HALF_UP)));
        }
        return stages;
    }

    private static List<LocalDate> starts(List<Period> months) {
        List<LocalDate> starts =
                new ArrayList<>(months.stream().map(Period::start).toList());
        starts.add(months.get(months.size() - 1).end().plusDays(1));
        return starts;
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(2);
    }
}
