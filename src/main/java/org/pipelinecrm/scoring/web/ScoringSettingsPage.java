package org.pipelinecrm.scoring.web;

import org.pipelinecrm.scoring.FitRule;
import org.pipelinecrm.scoring.Scoring;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins and marketers tune the workspace's scoring model; saving rescores every lead in the background. */
@Controller
@RequestMapping("/settings/scoring")
@PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
class ScoringSettingsPage {

    private final Scoring scoring;

    ScoringSettingsPage(Scoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("form", ScoringForm.of(scoring.rules()));
        model.addAttribute("fields", FitRule.FIELDS);
        model.addAttribute("operators", FitRule.Operator.values());
        return "scoring/settings";
    }

    @PostMapping
    String save(@ModelAttribute("form") ScoringForm form, RedirectAttributes redirect) {
        scoring.change(form.toRules());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/scoring";
    }
}
