package org.pipelinecrm.pipeline.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.pipeline.CloseReasons;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.ConflictException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' lists of win and loss reasons: add, rename, deactivate and activate again. */
@Controller
@RequestMapping("/settings/reasons")
@PreAuthorize("hasRole('ADMIN')")
class ReasonSettingsController {

    private final CloseReasons reasons;

    ReasonSettingsController(CloseReasons reasons) {
        this.reasons = reasons;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("lost", reasons.all(StageKind.LOST));
        model.addAttribute("won", reasons.all(StageKind.WON));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new AddForm(StageKind.LOST, ""));
        }
        return "pipeline/reasons";
    }

    @PostMapping
    String add(
            @Valid @ModelAttribute("form") AddForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                reasons.add(new CloseReasons.AddCmd(form.outcome(), form.label()));
                flash.addFlashAttribute("saved", "reason.added");
                return "redirect:/settings/reasons";
            } catch (ConflictException e) {
                errors.rejectValue("label", e.getMessageKey());
            }
        }
        return list(model);
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable long id, @RequestParam String label, @RequestParam long version, RedirectAttributes flash) {
        if (label.isBlank() || label.trim().length() > 80) {
            flash.addFlashAttribute("problem", "reason.labelInvalid");
            return "redirect:/settings/reasons";
        }
        try {
            reasons.rename(id, label, version);
            flash.addFlashAttribute("saved", "reason.saved");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessageKey());
        }
        return "redirect:/settings/reasons";
    }

    @PostMapping("/{id}/active")
    String activate(
            @PathVariable long id, @RequestParam boolean active, @RequestParam long version, RedirectAttributes flash) {
        try {
            reasons.activate(id, active, version);
            flash.addFlashAttribute("saved", active ? "reason.activated" : "reason.deactivated");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessageKey());
        }
        return "redirect:/settings/reasons";
    }

    record AddForm(
            @NotNull StageKind outcome,
            @NotBlank @Size(max = 80) String label) {}
}
