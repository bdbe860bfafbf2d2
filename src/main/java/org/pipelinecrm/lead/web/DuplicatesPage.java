package org.pipelinecrm.lead.web;

import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadMerges;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The "possible duplicates" page: groups of look-alike leads, each with a form to merge one into another. */
@Controller
@RequestMapping("/leads")
class DuplicatesPage {

    private final LeadMerges merges;

    DuplicatesPage(LeadMerges merges) {
        this.merges = merges;
    }

    @GetMapping("/duplicates")
    String duplicates(Model model) {
        model.addAttribute("groups", merges.duplicates(CurrentUser.actor()));
        return "lead/duplicates";
    }

    @PostMapping("/merge")
    String merge(@RequestParam long keptId, @RequestParam long goneId, RedirectAttributes redirect) {
        merges.merge(keptId, goneId, CurrentUser.actor());
        redirect.addFlashAttribute("merged", goneId);
        return "redirect:/leads/" + keptId;
    }
}
