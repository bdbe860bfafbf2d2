package org.pipelinecrm.opportunity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
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
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
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
    private final Accounts accounts;
    private final Tasks tasks;
    private final MessageSource messages;
    private final Formats formats;
    private final Workspaces workspaces;
    private final FieldForm fieldForm;
    private final org.pipelinecrm.winmodel.WinProbabilities winProbabilities;

    OpportunityController(
            Opportunities opportunities,
            DealMoves moves,
            Pipelines pipelines,
            People people,
            CloseReasons closeReasons,
            DealStageHistory history,
            Accounts accounts,
            MessageSource messages,
            Formats formats,
            Workspaces workspaces,
            Tasks tasks,
            FieldForm fieldForm,
            org.pipelinecrm.winmodel.WinProbabilities winProbabilities) {
        this.winProbabilities = winProbabilities;
        this.tasks = tasks;
        this.accounts = accounts;
        this.messages = messages;
        this.formats = formats;
        this.workspaces = workspaces;
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
        model.addAttribute("winProbability", winProbabilities.of(id).orElse(null));
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
        model.addAttribute("contact", deal.contactId() == null ? null : accounts.contact(deal.contactId()));
        model.addAttribute("contacts", deal.accountId() == null ? List.of() : accounts.contactsOf(deal.accountId()));
        model.addAttribute("teams", people.teams());
        var team = deal.teamId() == null ? null : people.teamsById().get(deal.teamId());
        model.addAttribute("teamName", team == null ? "" : team.name());
        model.addAttribute("canAssign", CurrentUser.get().seesWholeWorkspace());
        model.addAttribute("nextTask", tasks.nextOpenTask(RecordType.OPPORTUNITY, id));
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

    /**
     * The deal page's stage bar: the same move as the board's, with the version the page showed. A stale page
     * is told who moved the deal, where and when; a move the rules refuse (lost without a reason) says why.
     */
    @PostMapping("/opportunities/{id}/stage")
    String moveStage(
            @PathVariable long id,
            @RequestParam long stageId,
            @RequestParam long version,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String note,
            RedirectAttributes flash) {
        try {
            moves.move(id, stageId, version, reason, note);
            flash.addFlashAttribute("saved", "opportunity.stageMoved");
        } catch (OptimisticLockingFailureException e) {
            flash.addFlashAttribute(
                    "stageProblem",
                    history.lastChange(id)
                            .map(last -> text(
                                    "opportunity.api.movedBy",
                                    last.changedByName(),
                                    last.stageName(),
                                    formats.dateTime(
                                            last.enteredAt(),
                                            workspaces.current().timeZone())))
                            .orElse(text("error.409.stale")));
        } catch (ConflictException e) {
            flash.addFlashAttribute("stageProblem", text(e.getMessageKey(), e.getArguments()));
        }
        return "redirect:/opportunities/" + id;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
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
