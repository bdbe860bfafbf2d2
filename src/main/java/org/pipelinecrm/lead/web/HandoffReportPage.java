package org.pipelinecrm.lead.web;

import java.time.Duration;
import java.time.Instant;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.lead.HandoffReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The handoff report for marketing and managers: over the last N days, by source and by marketer. */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER', 'MARKETER')")
class HandoffReportPage {

    private final HandoffReport report;
    private final People people;

    HandoffReportPage(HandoffReport report, People people) {
        this.report = report;
        this.people = people;
    }

    @GetMapping("/leads/handoff-report")
    String show(@RequestParam(defaultValue = "90") int days, Model model) {
        int period = Math.max(1, Math.min(days, 3660));
        Instant now = Instant.now();
        model.addAttribute("days", period);
        model.addAttribute("report", report.report(now.minus(Duration.ofDays(period)), now.plusSeconds(1)));
        model.addAttribute("userNames", people.userNames());
        return "lead/handoff-report";
    }
}
