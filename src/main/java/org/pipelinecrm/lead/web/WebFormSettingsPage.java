package org.pipelinecrm.lead.web;

import org.pipelinecrm.tenant.Workspaces;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The snippet to paste into the company's website; admins can issue a new key (the old snippet stops working). */
@Controller
@RequestMapping("/settings/web-form")
@PreAuthorize("hasAnyRole('ADMIN', 'MARKETER')")
class WebFormSettingsPage {

    private final Workspaces workspaces;

    WebFormSettingsPage(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping
    String show(Model model) {
        String key = workspaces.current().formKey();
        String action = ServletUriComponentsBuilder.fromCurrentContextPath().path("/forms/{key}").buildAndExpand(key)
                .toUriString();
        model.addAttribute("action", action);
        model.addAttribute("snippet", snippet(action));
        return "lead/web-form-settings";
    }

    @PostMapping("/key")
    @PreAuthorize("hasRole('ADMIN')")
    String regenerate(RedirectAttributes redirect) {
        workspaces.regenerateFormKey();
        redirect.addFlashAttribute("regenerated", true);
        return "redirect:/settings/web-form";
    }

    /** Plain HTML that works on any website; the hidden "website" field is the honeypot robots fill in. */
    static String snippet(String action) {
        return """
                <form method="post" action="%s" accept-charset="UTF-8">
                  <input name="firstName" placeholder="First name" maxlength="100">
                  <input name="lastName" placeholder="Last name" required maxlength="100">
                  <input name="email" type="email" placeholder="E-mail" required maxlength="254">
                  <input name="company" placeholder="Company" maxlength="200">
                  <input name="phone" placeholder="Phone" maxlength="50">
                  <textarea name="message" placeholder="Message" maxlength="2000"></textarea>
                  <div style="position:absolute;left:-10000px" aria-hidden="true">
                    <input name="website" tabindex="-1" autocomplete="off">
                  </div>
                  <button type="submit">Send</button>
                </form>
                """.formatted(action);
    }
}
