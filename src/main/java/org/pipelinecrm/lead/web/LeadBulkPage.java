package org.pipelinecrm.lead.web;

import java.util.List;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.BulkOutcome;
import org.pipelinecrm.lead.LeadBulkActions;
import org.pipelinecrm.lead.UnknownAssigneeException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Bulk actions of the lead list: assign an owner, hand off, disqualify; only once the person has confirmed. */
@Controller
class LeadBulkPage {

    private final LeadBulkActions actions;

    LeadBulkPage(LeadBulkActions actions) {
        this.actions = actions;
    }

    @PostMapping("/leads/bulk")
    String bulk(
            @RequestParam String action,
            @RequestParam(required = false) List<Long> ids,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("bulkError", "lead.bulk.noneSelected");
            return "redirect:/leads";
        }
        if (!confirmed) {
            redirect.addFlashAttribute("bulkError", "lead.bulk.confirmFirst");
            return "redirect:/leads";
        }
        BulkOutcome outcome;
        try {
            outcome = switch (action) {
                case "assign" -> ownerId == null ? null : actions.assignOwner(ids, ownerId, CurrentUser.actor());
                case "handoff" -> actions.handOff(ids, teamId, note, CurrentUser.actor());
                case "disqualify" -> reason == null ? null : actions.disqualify(ids, reason, note, CurrentUser.actor());
                default -> null;
            };
        } catch (UnknownAssigneeException e) {
            redirect.addFlashAttribute("bulkError", e.messageKey());
            return "redirect:/leads";
        }
        if (outcome == null) {
            redirect.addFlashAttribute("bulkError", "lead.bulk.incomplete");
        } else {
            redirect.addFlashAttribute("bulk", outcome);
        }
        return "redirect:/leads";
    }
}
