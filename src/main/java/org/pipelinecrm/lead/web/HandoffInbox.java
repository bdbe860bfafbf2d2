package org.pipelinecrm.lead.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.HandoffPolicy;
import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sales' inbox of leads handed off to them, oldest first, late ones past the handoff SLA marked with how late.
 * Each row is accepted or rejected in place (htmx answers the row); several are accepted at once.
 */
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
        model.addAttribute(
                "leads",
                leads.list(
                        filter,
                        PageRequest.of(
                                org.pipelinecrm.shared.PageOf.page(page, 50),
                                50,
                                Sort.by(Sort.Order.asc("handedOffAt"), Sort.Order.asc("id"))),
                        CurrentUser.actor()));
        rowModel(model);
        return "lead/inbox";
    }

    @PostMapping("/leads/inbox/{id}/accept")
    String accept(@PathVariable long id, @RequestParam long version, Model model) {
        return answered(leads.accept(id, version, CurrentUser.actor()), "lead.inbox.accepted", model);
    }

    /** A reason must be chosen (there is no preset), and "other" needs a note; otherwise the row shows why (400). */
    @PostMapping("/leads/inbox/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam long version,
            Model model,
            HttpServletResponse response) {
        String chosen = policy.rejectionChoices().stream()
                .filter(r -> r.equalsIgnoreCase(reason))
                .findFirst()
                .orElse(null);
        String error = chosen == null
                ? "reason"
                : HandoffPolicy.OTHER.equals(chosen) && !StringUtils.hasText(note) ? "note" : null;
        if (error != null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("l", leads.get(id, CurrentUser.actor()));
            model.addAttribute("rejectError", error);
            model.addAttribute("chosenReason", chosen);
            model.addAttribute("typedNote", note);
            rowModel(model);
            return "lead/inbox :: row";
        }
        return answered(
                leads.reject(id, chosen, StringUtils.hasText(note) ? note.strip() : null, version, CurrentUser.actor()),
                "lead.inbox.rejected",
                model);
    }

    /** Accepts the chosen leads ({@code id:version} each); one changed meanwhile is skipped and counted. */
    @PostMapping("/leads/inbox/accept")
    String acceptSelected(
            @RequestParam(name = "lead", required = false) List<String> chosen, RedirectAttributes redirect) {
        int accepted = 0;
        int skipped = 0;
        for (String one : chosen == null ? List.<String>of() : chosen) {
            String[] idAndVersion = one.split(":", 2);
            try {
                leads.accept(Long.parseLong(idAndVersion[0]), Long.parseLong(idAndVersion[1]), CurrentUser.actor());
                accepted++;
            } catch (NumberFormatException
                    | ArrayIndexOutOfBoundsException
                    | NotFoundException
                    | ConflictException
                    | OptimisticLockingFailureException e) {
                skipped++;
            }
        }
        redirect.addFlashAttribute("accepted", accepted);
        redirect.addFlashAttribute("skipped", skipped);
        return "redirect:/leads/inbox";
    }

    private String answered(LeadView lead, String toast, Model model) {
        model.addAttribute("l", lead);
        model.addAttribute("answered", toast);
        rowModel(model);
        return "lead/inbox :: row";
    }

    private void rowModel(Model model) {
        int slaHours = policy.rules().slaHours();
        model.addAttribute("now", Instant.now());
        model.addAttribute("slaHours", slaHours);
        model.addAttribute("sla", new Sla(Duration.ofHours(slaHours)));
        model.addAttribute("reasons", policy.rejectionChoices());
    }

    /** Ages against the workspace's SLA, for the page. */
    public record Sla(Duration limit) {

        public long ageHours(Instant handedOffAt, Instant now) {
            return handedOffAt == null ? 0 : Duration.between(handedOffAt, now).toHours();
        }

        public boolean overdue(Instant handedOffAt, Instant now) {
            return handedOffAt != null && Duration.between(handedOffAt, now).compareTo(limit) > 0;
        }

        /** How far past the SLA: whole hours under a day (at least one), whole days from then on. */
        public long late(Instant handedOffAt, Instant now) {
            Duration late = Duration.between(handedOffAt, now).minus(limit);
            return late.toHours() < 24 ? Math.max(1, late.toHours()) : late.toDays();
        }

        public boolean lateByDays(Instant handedOffAt, Instant now) {
            return Duration.between(handedOffAt, now).minus(limit).toHours() >= 24;
        }
    }
}
