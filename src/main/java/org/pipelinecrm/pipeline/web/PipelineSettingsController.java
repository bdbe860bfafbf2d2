package org.pipelinecrm.pipeline.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
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

/** Admins' pipeline settings: pipelines with their team limit, and the stage editor of each. */
@Controller
@RequestMapping("/settings/pipelines")
@PreAuthorize("hasRole('ADMIN')")
class PipelineSettingsController {

    private final Pipelines pipelines;
    private final People people;

    PipelineSettingsController(Pipelines pipelines, People people) {
        this.pipelines = pipelines;
        this.people = people;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("pipelines", pipelines.visible());
        model.addAttribute("teams", people.teamsById());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PipelineForm("", null, null));
        }
        return "pipeline/list";
    }

    /** A new pipeline starts with one open stage and the won and lost stages; the editor takes it from there. */
    @PostMapping
    String create(@Valid @ModelAttribute("form") PipelineForm form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return list(model);
        }
        PipelineView created = pipelines.create(new Pipelines.PipelineCmd(
                form.name(),
                form.teamId(),
                List.of(
                        new Pipelines.StageCmd(null, "New", StageKind.OPEN, 10, null, List.of()),
                        new Pipelines.StageCmd(null, "Won", StageKind.WON, 100, null, List.of()),
                        new Pipelines.StageCmd(null, "Lost", StageKind.LOST, 0, null, List.of()))));
        return "redirect:/settings/pipelines/" + created.id();
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        PipelineView pipeline = pipelines.pipeline(id);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("teams", people.teams());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PipelineForm(pipeline.name(), pipeline.teamId(), pipeline.version()));
        }
        if (!model.containsAttribute("stagesForm")) {
            model.addAttribute("stagesForm", StagesForm.of(pipeline));
        }
        return "pipeline/edit";
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("form") PipelineForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return edit(id, model);
        }
        pipelines.change(
                id, new Pipelines.ChangeCmd(form.name(), form.teamId(), form.version() == null ? -1 : form.version()));
        flash.addFlashAttribute("saved", "pipeline.saved");
        return "redirect:/settings/pipelines/" + id;
    }

    @PostMapping("/{id}/stages")
    String saveStages(
            @PathVariable long id,
            @Valid @ModelAttribute("stagesForm") StagesForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        for (int i = 0; i < form.getStages().size(); i++) {
            StagesForm.Row row = form.getStages().get(i);
            if (row.getId() != null && (row.getName() == null || row.getName().isBlank())) {
                errors.rejectValue("stages[" + i + "].name", "NotBlank");
            }
            if (row.criteria().size() > 20 || row.criteria().stream().anyMatch(c -> c.length() > 200)) {
                errors.rejectValue("stages[" + i + "].exitCriteria", "stage.criteriaTooLong");
            }
        }
        if (errors.hasErrors()) {
            return edit(id, model);
        }
        try {
            pipelines.replaceStages(id, form.getVersion(), form.commands());
        } catch (ConflictException e) {
            errors.reject(e.getMessageKey(), e.getMessage());
            return edit(id, model);
        }
        flash.addFlashAttribute("saved", "stage.saved");
        return "redirect:/settings/pipelines/" + id;
    }

    /** Deleting an empty stage happens at once; a stage with deals first asks where its deals should go. */
    @PostMapping("/{id}/stages/{stageId}/delete")
    String delete(
            @PathVariable long id,
            @PathVariable long stageId,
            @RequestParam(required = false) Long moveTo,
            RedirectAttributes flash) {
        if (moveTo != null) {
            pipelines.moveDealsAndDeleteStage(id, stageId, moveTo);
        } else if (pipelines.dealsIn(id, stageId) > 0) {
            return "redirect:/settings/pipelines/" + id + "/stages/" + stageId + "/delete";
        } else {
            try {
                pipelines.deleteStage(id, stageId);
            } catch (ConflictException e) {
                flash.addFlashAttribute("problem", e.getMessageKey());
                return "redirect:/settings/pipelines/" + id;
            }
        }
        flash.addFlashAttribute("saved", "stage.deleted");
        return "redirect:/settings/pipelines/" + id;
    }

    @GetMapping("/{id}/stages/{stageId}/delete")
    String confirmDelete(@PathVariable long id, @PathVariable long stageId, Model model) {
        PipelineView pipeline = pipelines.pipeline(id);
        StageView stage = pipeline.stages().stream()
                .filter(s -> s.id() == stageId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Stage", stageId));
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("stage", stage);
        model.addAttribute("deals", pipelines.dealsIn(id, stageId));
        model.addAttribute(
                "targets",
                pipeline.stages().stream()
                        .filter(s -> s.id() != stageId && s.kind() == stage.kind())
                        .toList());
        return "pipeline/delete-stage";
    }

    /** Name and team limit; the version the editor saw (absent when creating). */
    record PipelineForm(@NotBlank @Size(max = 80) String name, Long teamId, Long version) {}
}
