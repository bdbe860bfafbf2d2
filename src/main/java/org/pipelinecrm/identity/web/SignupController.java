package org.pipelinecrm.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.pipelinecrm.identity.Signup;
import org.pipelinecrm.identity.Signup.SignupCmd;
import org.pipelinecrm.shared.ConflictException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class SignupController {

    private final Signup signup;
    private final SignupGate gate;

    SignupController(Signup signup, SignupGate gate) {
        this.signup = signup;
        this.gate = gate;
    }

    @GetMapping("/signup")
    String form(Model model) {
        gate.checkOpen();
        model.addAttribute("form", new SignupCmd("", "", "", ""));
        return "identity/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @Valid @ModelAttribute("form") SignupCmd form,
            BindingResult errors,
            HttpServletRequest request,
            Model model) {
        gate.checkOpen();
        if (errors.hasErrors()) {
            return "identity/signup";
        }
        if (!gate.admit(request)) {
            model.addAttribute("tooMany", true);
            return "identity/signup";
        }
        try {
            signup.signUp(form, LocaleContextHolder.getLocale());
        } catch (ConflictException e) {
            errors.rejectValue("email", e.getMessageKey());
            return "identity/signup";
        }
        return "redirect:/login?signedUp";
    }
}
