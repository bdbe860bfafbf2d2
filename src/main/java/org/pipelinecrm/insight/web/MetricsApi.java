package org.pipelinecrm.insight.web;

import java.time.LocalDate;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.insight.Metrics;
import org.pipelinecrm.insight.MetricsReport;
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

    MetricsApi(Metrics metrics) {
        this.metrics = metrics;
    }

    @GetMapping
    MetricsReport metrics(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) Long ownerId) {
        return metrics.report(from, to, pipelineId, teamId, ownerId, CurrentUser.actor());
    }
}
