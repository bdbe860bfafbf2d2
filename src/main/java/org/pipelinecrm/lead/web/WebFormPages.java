package org.pipelinecrm.lead.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.pipelinecrm.lead.WebFormSubmission;
import org.pipelinecrm.lead.WebForms;
import org.pipelinecrm.shared.TooManyRequestsException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The public side of the web-to-lead form: the snippet on a company's website posts here (no sign-in, no CSRF
 * token: the form key names the workspace); a hosted copy of the form is at the same address.
 */
@Controller
@RequestMapping("/forms/{key}")
class WebFormPages {

    private final WebForms forms;

    WebFormPages(WebForms forms) {
        this.forms = forms;
    }

    @GetMapping
    String form(@PathVariable String key, Model model) {
        forms.workspaceOf(key);
        model.addAttribute("key", key);
        model.addAttribute("form", new WebFormSubmission(null, null, null, null, null, null, null, null));
        return "lead/web-form";
    }

    @PostMapping
    String submit(
            @PathVariable String key,
            @Valid @ModelAttribute("form") WebFormSubmission form,
            BindingResult errors,
            Model model,
            HttpServletRequest request) {
        forms.workspaceOf(key);
        if (errors.hasErrors()) {
            model.addAttribute("key", key);
            return "lead/web-form";
        }
        forms.submit(key, form, request.getRemoteAddr());
        return "lead/web-form-thanks";
    }

    @ExceptionHandler(TooManyRequestsException.class)
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String busy(Model model) {
        model.addAttribute("busy", true);
        return "lead/web-form-thanks";
    }
}
