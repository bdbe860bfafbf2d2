package org.pipelinecrm.lead.web;

import java.time.Duration;
import java.time.Instant;

import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.Leads;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sales' inbox of leads handed off to them, oldest first, overdue past the handoff SLA. */
@Controller
class HandoffInbox {

    /** The workspace default; a per-workspace setting is still to come. */
    static final Duration SLA = Duration.ofHours(24);

    private final Leads leads;

    HandoffInbox(Leads leads) {
        this.leads = leads;
    }

    @GetMapping("/leads/inbox")
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new LeadFilter(LeadStatus.HANDED_OFF, null, null, null, null, null, null, null);
        model.addAttribute("leads", leads.list(filter, PageRequest.of(Math.max(0, page), 50,
                Sort.by(Sort.Order.asc("handedOffAt"), Sort.Order.asc("id")))));
        model.addAttribute("now", Instant.now());
        model.addAttribute("slaHours", SLA.toHours());
        model.addAttribute("inbox", this);
        return "lead/inbox";
    }

    public long ageHours(Instant handedOffAt, Instant now) {
        return handedOffAt == null ? 0 : Duration.between(handedOffAt, now).toHours();
    }

    public boolean overdue(Instant handedOffAt, Instant now) {
        return handedOffAt != null && Duration.between(handedOffAt, now).compareTo(SLA) > 0;
    }
}
