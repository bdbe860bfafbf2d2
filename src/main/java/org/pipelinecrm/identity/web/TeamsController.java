package org.pipelinecrm.identity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pipelinecrm.identity.People;
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

@Controller
@RequestMapping("/settings/teams")
@PreAuthorize("hasRole('ADMIN')")
class TeamsController {

    private final People people;

    TeamsController(People people) {
        this.people = people;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", people.teams());
        model.addAttribute("users", people.users());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new TeamForm("", 0));
        }
        return "identity/teams";
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                people.createTeam(form.name());
                flash.addFlashAttribute("saved", "team.created");
                return "redirect:/settings/teams";
            } catch (ConflictException e) {
                errors.rejectValue("name", e.getMessageKey());
            }
        }
        return list(model);
    }

    @PostMapping("/{id}")
    String rename(
            @PathVariable long id,
            @Valid @ModelAttribute("renameForm") TeamForm form,
            BindingResult errors,
            RedirectAttributes flash) {
        people.team(id);
        if (errors.hasErrors()) {
            flash.addFlashAttribute("problem", "team.nameRequired");
            return "redirect:/settings/teams";
        }
        try {
            people.renameTeam(id, form.name(), form.version());
            flash.addFlashAttribute("saved", "team.saved");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessageKey());
        }
        return "redirect:/settings/teams";
    }

    record TeamForm(@NotBlank @Size(max = 80) String name, long version) {}
}
