package org.pipelinecrm.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.identity.ApiTokens;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.StartPage;
import org.pipelinecrm.shared.ConflictException;
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

/** A person's own settings: password, start page and API tokens. */
@Controller
@RequestMapping("/settings/profile")
class ProfileController {

    private final People people;
    private final ApiTokens tokens;

    ProfileController(People people, ApiTokens tokens) {
        this.people = people;
        this.tokens = tokens;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("tokens", tokens.mine(CurrentUser.actor()));
        CrmUser me = CurrentUser.get();
        model.addAttribute("startPages", StartPage.values());
        model.addAttribute("roleStartPage", StartPage.forRole(me.role()));
        model.addAttribute("startPage", people.chosenStartPage(me.id()).orElse(null));
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new PasswordForm("", "", ""));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new TokenForm(""));
        }
        return "identity/profile";
    }

    @PostMapping("/password")
    String changePassword(
            @Valid @ModelAttribute("passwordForm") PasswordForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors() && !form.newPassword().equals(form.repeatPassword())) {
            errors.rejectValue("repeatPassword", "password.mismatch");
        }
        if (!errors.hasErrors()) {
            try {
                people.changeOwnPassword(form.currentPassword(), form.newPassword(), CurrentUser.actor());
                flash.addFlashAttribute("saved", "password.changed");
                return "redirect:/settings/profile";
            } catch (ConflictException e) {
                errors.rejectValue("currentPassword", e.getMessageKey());
            }
        }
        return show(model);
    }

    @PostMapping("/tokens")
    String issueToken(
            @Valid @ModelAttribute("tokenForm") TokenForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return show(model);
        }
        flash.addFlashAttribute("issued", tokens.issue(form.name(), CurrentUser.actor()));
        return "redirect:/settings/profile";
    }

    /** Where signing in lands me; empty leaves it to my role. Anything else is refused, not guessed. */
    @PostMapping("/start-page")
    String chooseStartPage(@RequestParam(required = false) String startPage, RedirectAttributes flash) {
        StartPage chosen = null;
        if (startPage != null && !startPage.isBlank()) {
            try {
                chosen = StartPage.valueOf(startPage.trim());
            } catch (IllegalArgumentException e) {
                flash.addFlashAttribute("problem", "startPage.unknown");
                return "redirect:/settings/profile";
            }
        }
        people.preferStartPage(chosen, CurrentUser.actor());
        flash.addFlashAttribute("saved", "startPage.saved");
        return "redirect:/settings/profile";
    }

    @PostMapping("/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, RedirectAttributes flash) {
        tokens.revoke(id, CurrentUser.actor());
        flash.addFlashAttribute("saved", "token.revoked");
        return "redirect:/settings/profile";
    }

    record PasswordForm(
            @NotBlank String currentPassword,
            @NotBlank @Size(min = 8, max = 128) String newPassword,
            @NotBlank String repeatPassword) {}

    record TokenForm(@NotBlank @Size(max = 80) String name) {}
}
