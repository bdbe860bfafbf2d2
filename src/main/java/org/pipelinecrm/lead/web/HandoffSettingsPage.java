package org.pipelinecrm.lead.web;

import jakarta.validation.Validator;
import java.util.List;
import org.pipelinecrm.lead.HandoffPolicy;
import org.pipelinecrm.lead.HandoffRules;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins and managers set the handoff SLA and the reasons sales may give when rejecting a lead. */
@Controller
@RequestMapping("/settings/handoff")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class HandoffSettingsPage {

    private final HandoffPolicy policy;
    private final Validator validator;

    HandoffSettingsPage(HandoffPolicy policy, Validator validator) {
        this.policy = policy;
        this.validator = validator;
    }

    /** The page's form: reasons one per line. */
    record Form(Integer slaHours, String reasons, long version) {

        HandoffRules rules() {
            List<String> lines = reasons == null
                    ? List.of()
                    : reasons.lines()
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            return new HandoffRules(slaHours == null ? 0 : slaHours, lines, version);
        }
    }

    @GetMapping
    String show(Model model) {
        HandoffRules rules = policy.rules();
        model.addAttribute(
                "form", new Form(rules.slaHours(), String.join("\n", rules.rejectionReasons()), rules.version()));
        return "lead/handoff-settings";
    }

    @PostMapping
    String save(@ModelAttribute("form") Form form, Model model, RedirectAttributes redirect) {
        var violations = validator.validate(form.rules());
        if (!violations.isEmpty()) {
            model.addAttribute(
                    "errors",
                    violations.stream()
                            .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                            .sorted()
                            .toList());
            return "lead/handoff-settings";
        }
        policy.change(form.rules());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/handoff";
    }
}
