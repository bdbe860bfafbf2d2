package org.pipelinecrm.insight.web;

import java.time.LocalDate;

import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Metrics;
import org.pipelinecrm.insight.MetricsFilter;
import org.pipelinecrm.insight.MetricsReport;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dashboard figures as JSON; without dates, the current fiscal quarter. */
@RestController
@RequestMapping("/api/v1/metrics")
class MetricsApi {

    private final Metrics metrics;
    private final FiscalYears fiscalYears;

    MetricsApi(Metrics metrics, FiscalYears fiscalYears) {
        this.metrics = metrics;
        this.fiscalYears = fiscalYears;
    }

    @GetMapping
    MetricsReport metrics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long pipelineId, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId) {
        if (from == null || to == null) {
            FiscalYears.Setting fiscal = fiscalYears.current();
            Period quarter = Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
            from = from == null ? quarter.start() : from;
            to = to == null ? quarter.end() : to;
        }
        return metrics.report(new MetricsFilter(from, to, pipelineId, teamId, ownerId));
    }
}
