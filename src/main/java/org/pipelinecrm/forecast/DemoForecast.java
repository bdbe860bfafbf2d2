package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls in the demo workspace: each rep's and the sales team's, a week before each of the last two quarters ended
 * (off what then closed by up to a quarter either way, so accuracy differs from rep to rep), and this quarter's.
 * Written directly with their dates, in a handful of statements, after the deals and targets.
 */
@Component
class DemoForecast implements DemoContributor {

    private final ForecastFigures figures;
    private final ForecastSubmissionRepository submissions;
    private final FiscalYears fiscalYears;
    private final JsonMapper json;

    DemoForecast(
            ForecastFigures figures,
            ForecastSubmissionRepository submissions,
            FiscalYears fiscalYears,
            JsonMapper json) {
        this.figures = figures;
        this.submissions = submissions;
        this.fiscalYears = fiscalYears;
        this.json = json;
    }

    @Override
    public int order() {
        return 960;
    }

    @Override
    public void populate(DemoWorkspace demo) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        ZoneId zone = fiscalYears.zone();
        Period current =
                Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
        Period last = Periods.previous(current, fiscal.startMonth());
        Period before = Periods.previous(last, fiscal.startMonth());
        List<ForecastSubmission> calls = new ArrayList<>();
        for (Period p : List.of(before, last)) {
            Instant at = p.end().minusDays(7).atTime(10, 0).atZone(zone).toInstant();
            for (long rep : demo.repIds()) {
                calls.add(call(p, rep, null, zone, at, demo, true));
            }
            calls.add(call(p, demo.managerId(), demo.salesTeamId(), zone, at.plus(1, ChronoUnit.DAYS), demo, true));
        }
        Instant thisWeek = fiscalYears
                .today()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atTime(9, 0)
                .atZone(zone)
                .toInstant();
        if (!current.start().atStartOfDay(zone).toInstant().isAfter(thisWeek)) {
            for (long rep : demo.repIds()) {
                calls.add(call(current, rep, null, zone, thisWeek, demo, false));
            }
        }
        submissions.saveAll(calls);
    }

    private ForecastSubmission call(
            Period p, long by, Long team, ZoneId zone, Instant at, DemoWorkspace demo, boolean past) {
        ForecastFigures.Scope scope =
                new ForecastFigures.Scope(p.start(), p.end(), zone, team, team == null ? by : null);
        Figures now = figures.of(scope);
        BigDecimal base = past ? now.closed() : now.closedPlusCommit();
        // a call off what closed by -25 % to +25 %, rounded to thousands
        double factor = 0.75 + demo.random().nextDouble() * 0.5;
        BigDecimal amount = base.multiply(BigDecimal.valueOf(factor)).setScale(-3, RoundingMode.HALF_UP);
        LocalDate week = LocalDate.ofInstant(at, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ForecastSubmission(
                p.start(),
                p.end(),
                by,
                team,
                week,
                amount.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP),
                null,
                now,
                json.writeValueAsString(figures.deals(scope, null)),
                at);
    }
}
