package org.pipelinecrm.lead.web;

import java.time.Duration;
import java.time.Instant;

import org.pipelinecrm.lead.HandoffPolicy;
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

    private final Leads leads;
    private final HandoffPolicy policy;

    HandoffInbox(Leads leads, HandoffPolicy policy) {
        this.leads = leads;
        this.policy = policy;
    }

    @GetMapping("/leads/inbox")
    String inbox(@RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new LeadFilter(LeadStatus.HANDED_OFF, null, null, null, null, null, null, null);
        model.addAttribute("leads", leads.list(filter, PageRequest.of(org.pipelinecrm.shared.PageOf.page(page, 50), 50,
                Sort.by(Sort.Order.asc("handedOffAt"), Sort.Order.asc("id")))));
        int slaHours = policy.rules().slaHours();
        model.addAttribute("now", Instant.now());
        model.addAttribute("slaHours", slaHours);
        model.addAttribute("sla", new Sla(Duration.ofHours(slaHours)));
        return "lead/inbox";
    }

    /** Ages against the workspace's SLA, for the page. */
    public record Sla(Duration limit) {

        public long ageHours(Instant handedOffAt, Instant now) {
            return handedOffAt == null ? 0 : Duration.between(handedOffAt, now).toHours();
        }

        public boolean overdue(Instant handedOffAt, Instant now) {
            return handedOffAt != null && Duration.between(handedOffAt, now).compareTo(limit) > 0;
        }
    }
}
