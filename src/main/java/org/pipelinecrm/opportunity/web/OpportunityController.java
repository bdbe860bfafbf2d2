package org.pipelinecrm.opportunity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.pipelinecrm.customfield.FieldForm;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.DealStageHistory;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.pipeline.CloseReasons;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.ConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A deal's page (details, edit, history, exit criteria, close and reopen) and the new-deal form. */
@Controller
class OpportunityController {

    private final Opportunities opportunities;
    private final DealMoves moves;
    private final Pipelines pipelines;
    private final People people;
    private final CloseReasons closeReasons;
    private final DealStageHistory history;
    private final FieldForm fieldForm;

    OpportunityController(
            Opportunities opportunities,
            DealMoves moves,
            Pipelines pipelines,
            People people,
            CloseReasons closeReasons,
            DealStageHistory history,
            FieldForm fieldForm) {
        this.fieldForm = fieldForm;
        this.closeReasons = closeReasons;
        this.history = history;
        this.opportunities = opportunities;
        this.moves = moves;
        this.pipelines = pipelines;
        this.people = people;
    }

    @GetMapping("/opportunities/new")
    String newForm(@RequestParam(required = false) Long pipelineId, Model model) {
        PipelineView pipeline = pipelineId != null
                ? pipelines.pipeline(pipelineId)
                : pipelines.visible().get(0);
        model.addAttribute(
                "form",
                new OpportunityForm(
                        "",
                        "",
                        pipeline.id(),
                        pipeline.openStages().get(0).id(),
                        BigDecimal.ZERO,
                        null,
                        null,
                        null,
                        null,
                        null,
                        CurrentUser.get().id(),
                        0L));
        return formPage(pipeline, model);
    }

    @PostMapping("/opportunities")
    String create(
            @Valid @ModelAttribute("form") OpportunityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return formPage(pipelines.pipeline(form.pipelineId()), model);
        }
        try {
            OpportunityView created = opportunities.createAtAccountNamed(
                    new Opportunities.CreateCmd(
                            form.name(),
                            null,
                            null,
                            form.pipelineId(),
                            form.stageId(),
                            form.amount(),
                            form.expectedCloseDate(),
                            form.probability(),
                            form.source(),
                            form.industry(),
                            form.nextStep(),
                            form.ownerId()),
                    form.accountName());
            flash.addFlashAttribute("saved", "opportunity.created");
            return "redirect:/opportunities/" + created.id();
        } catch (ConflictException e) {
            errors.reject(e.getMessageKey(), e.getMessage());
            return formPage(pipelines.pipeline(form.pipelineId()), model);
        }
    }

    @GetMapping("/opportunities/{id}")
    String page(@PathVariable long id, Model model) {
        OpportunityView deal = opportunities.opportunity(id);
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    new OpportunityForm(
                            deal.name(),
                            deal.accountName(),
                            deal.pipelineId(),
                            deal.stageId(),
                            deal.amount(),
                            deal.expectedCloseDate(),
                            deal.probability(),
                            deal.source(),
                            deal.industry(),
                            deal.nextStep(),
                            deal.ownerId(),
                            deal.version()));
        }
        PipelineView pipeline = pipelines.pipeline(deal.pipelineId());
        model.addAttribute("deal", deal);
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("stage", pipelines.stage(deal.stageId()));
        model.addAttribute("history", history.of(id));
        model.addAttribute(
                "ageDays",
                Duration.between(deal.openedAt(), deal.closedAt() != null ? deal.closedAt() : Instant.now())
                        .toDays());
        model.addAttribute("lostReasons", pipelines.reasons(StageKind.LOST));
        model.addAttribute("wonReasons", pipelines.reasons(StageKind.WON));
        model.addAttribute("users", people.users());
        model.addAttribute("canReopen", CurrentUser.get().seesWholeWorkspace());
        fieldForm.show(
                model, RecordKind.OPPORTUNITY, deal.customFields(), "/opportunities/" + id + "/fields", deal.version());
        // A reason an admin added or renamed has no translation: it is shown as written.
        model.addAttribute(
                "closeReasonLabel",
                deal.closeReason() == null || deal.status() == StageKind.OPEN
                        ? null
                        : closeReasons.all(deal.status()).stream()
                                .filter(r -> r.code().equals(deal.closeReason()) && !r.standard())
                                .map(r -> r.label())
                                .findFirst()
                                .orElse(null));
        return "opportunity/page";
    }

    @PostMapping("/opportunities/{id}")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") OpportunityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return page(id, model);
        }
        opportunities.changeAtAccountNamed(
                id,
                new Opportunities.ChangeCmd(
                        form.name(),
                        null,
                        null,
                        form.amount(),
                        form.expectedCloseDate(),
                        form.probability(),
                        form.source(),
                        form.industry(),
                        form.nextStep(),
                        form.ownerId(),
                        form.version()),
                form.accountName());
        flash.addFlashAttribute("saved", "opportunity.saved");
        return "redirect:/opportunities/" + id;
    }

    /** The deal's custom fields, saved from their section of the page. */
    @PostMapping("/opportunities/{id}/fields")
    String saveFields(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam MultiValueMap<String, String> form,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        return fieldForm.save(
                RecordKind.OPPORTUNITY,
                form,
                version,
                "/opportunities/" + id,
                values -> opportunities.change(
                        id,
                        new Opportunities.ChangeCmd(
                                null, null, null, null, null, null, null, null, null, null, version, values)),
                () -> opportunities.opportunity(id).customFields(),
                request,
                response,
                model,
                flash);
    }

    @PostMapping("/opportunities/{id}/close")
    String close(
            @PathVariable long id,
            @RequestParam StageKind outcome,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            @RequestParam long version,
            RedirectAttributes flash) {
        try {
            moves.close(id, new DealMoves.CloseCmd(outcome, reason, note, version, null, null));
            flash.addFlashAttribute("saved", "opportunity.closedNow");
        } catch (ConflictException e) {
            flash.addFlashAttribute("problem", e.getMessageKey());
        }
        return "redirect:/opportunities/" + id;
    }

    @PostMapping("/opportunities/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam long version, RedirectAttributes flash) {
        moves.reopen(id, version);
        flash.addFlashAttribute("saved", "opportunity.reopened");
        return "redirect:/opportunities/" + id;
    }

    private String formPage(PipelineView pipeline, Model model) {
        model.addAttribute("pipeline", pipeline);
        model.addAttribute("users", people.users());
        return "opportunity/new";
    }
}
