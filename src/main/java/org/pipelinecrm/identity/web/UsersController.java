package org.pipelinecrm.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserSummary;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins manage the people of their workspace. */
@Controller
@RequestMapping("/settings/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

    private final People people;

    UsersController(People people) {
        this.people = people;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", people.users());
        model.addAttribute("teams", people.teamsById());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewUserForm("", "", "", Role.SALES_REP, null));
        }
        return "identity/users";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") NewUserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                people.createUser(form.email(), form.name(), form.password(), form.role(), form.teamId());
                flash.addFlashAttribute("saved", "user.created");
                return "redirect:/settings/users";
            } catch (ConflictException e) {
                errors.rejectValue("email", e.getMessageKey());
            }
        }
        return list(model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        UserSummary user = people.user(id);
        model.addAttribute("user", user);
        model.addAttribute("teams", people.teams());
        model.addAttribute(
                "signInDelay",
                people.signInDelay(id).map(java.time.Duration::toSeconds).orElse(null));
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form", new ChangeUserForm(user.name(), user.role(), user.teamId(), user.active(), user.version()));
        }
        return "identity/user-edit";
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ChangeUserForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                people.changeUser(
                        id,
                        form.name(),
                        form.role(),
                        form.teamId(),
                        form.active(),
                        form.version(),
                        CurrentUser.actor());
                flash.addFlashAttribute("saved", "user.saved");
                return "redirect:/settings/users";
            } catch (ConflictException e) {
                errors.reject(e.getMessageKey());
            }
        }
        return edit(id, model);
    }

    /** Lifts the delay that failed passwords put on a person's sign-in. */
    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable long id, RedirectAttributes flash) {
        people.unlockSignIn(id);
        flash.addFlashAttribute("saved", "user.unlocked");
        return "redirect:/settings/users/" + id;
    }

    record NewUserForm(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotNull Role role,
            Long teamId) {}

    record ChangeUserForm(
            @NotBlank @Size(max = 120) String name, @NotNull Role role, Long teamId, boolean active, long version) {}
}
