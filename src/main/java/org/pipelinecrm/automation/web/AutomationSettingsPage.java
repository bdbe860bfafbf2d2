package org.pipelinecrm.automation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.automation.AutomationView;
import org.pipelinecrm.automation.AutomationView.Action;
import org.pipelinecrm.automation.AutomationView.ActionType;
import org.pipelinecrm.automation.AutomationView.Trigger;
import org.pipelinecrm.automation.AutomationView.TriggerType;
import org.pipelinecrm.automation.Automations;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins and managers build rules from lists (a trigger, up to three actions) and see, switch off or delete them. */
@Controller
@RequestMapping("/settings/automations")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class AutomationSettingsPage {

    static final int ACTION_ROWS = 3;

    private final Automations automations;
    private final CustomFields customFields;
    private final Pipelines pipelines;
    private final People people;
    private final MessageSource messages;

    AutomationSettingsPage(
            Automations automations,
            Pipelines pipelines,
            People people,
            CustomFields customFields,
            MessageSource messages) {
        this.automations = automations;
        this.customFields = customFields;
        this.pipelines = pipelines;
        this.people = people;
        this.messages = messages;
    }

    /** The page's form; each action list has one entry per action row, empty where the row is unused. */
    record Form(
            String name,
            String triggerType,
            String pipelineId,
            String stageId,
            String status,
            List<String> actionType,
            List<String> title,
            List<String> dueInDays,
            List<String> assigneeId,
            List<String> field,
            List<String> value,
            List<String> message) {

        static Form empty() {
            List<String> none = java.util.Collections.nCopies(ACTION_ROWS, "");
            return new Form("", "STAGE_ENTERED", "", "", "", none, none, none, none, none, none, none);
        }

        public String at(List<String> values, int row) {
            return values == null || row >= values.size() || values.get(row) == null
                    ? ""
                    : values.get(row).trim();
        }
    }

    @GetMapping
    String show(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Form.empty());
        }
        List<PipelineView> visible = pipelines.visible();
        Map<Long, String> stageNames = new LinkedHashMap<>();
        Map<Long, String> pipelineNames = new LinkedHashMap<>();
        for (PipelineView p : visible) {
            pipelineNames.put(p.id(), p.name());
            for (StageView s : p.stages()) {
                stageNames.put(s.id(), s.name());
            }
        }
        model.addAttribute("rules", automations.all());
        model.addAttribute("pipelines", visible);
        model.addAttribute("pipelineNames", pipelineNames);
        model.addAttribute("stageNames", stageNames);
        model.addAttribute(
                "people", people.users().stream().filter(UserSummary::active).toList());
        model.addAttribute("triggerTypes", TriggerType.values());
        model.addAttribute("actionTypes", ActionType.values());
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("fields", List.of("probability", "source", "industry"));
        // custom fields are set as cf.KEY: a deal's for deal rules, a lead's for lead-status rules
        model.addAttribute("dealFields", customFields.active(RecordKind.OPPORTUNITY));
        model.addAttribute("leadFields", customFields.active(RecordKind.LEAD));
        model.addAttribute(
                "rows", java.util.stream.IntStream.range(0, ACTION_ROWS).boxed().toList());
        return "automation/settings";
    }

    @PostMapping
    String create(@ModelAttribute("form") Form form, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            automations.create(new AutomationView.Cmd(form.name(), trigger(form), actions(form), true, null));
        } catch (InvalidInputException e) {
            model.addAttribute(
                    "error", messages.getMessage(e.getMessageKey(), e.getArguments(), e.getMessage(), locale));
            return show(model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/settings/automations";
    }

    @PostMapping("/{id}/enabled")
    String toggle(@PathVariable long id) {
        AutomationView rule = automations.get(id);
        automations.change(id, new AutomationView.Cmd(null, null, null, !rule.enabled(), rule.version()));
        return "redirect:/settings/automations";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id) {
        automations.delete(id);
        return "redirect:/settings/automations";
    }

    private static Trigger trigger(Form form) {
        TriggerType type = parse(TriggerType.class, form.triggerType(), "trigger.type");
        if (type == null) {
            throw new InvalidInputException("trigger", "automation.trigger.required", "A rule needs a trigger");
        }
        Long stage = number(form.stageId(), "trigger.stageId");
        Long pipeline = number(form.pipelineId(), "trigger.pipelineId");
        return new Trigger(type, pipeline, stage, blankToNull(form.status()));
    }

    private static List<Action> actions(Form form) {
        List<Action> actions = new ArrayList<>();
        for (int row = 0; row < ACTION_ROWS; row++) {
            ActionType type = parse(ActionType.class, form.at(form.actionType(), row), "actions");
            if (type == null) {
                continue;
            }
            Long days = number(form.at(form.dueInDays(), row), "actions");
            if (days != null && (days < 0 || days > 365)) {
                throw new InvalidInputException("actions", "automation.task.due", "Say in how many days it is due");
            }
            actions.add(new Action(
                    type,
                    blankToNull(form.at(form.title(), row)),
                    days == null ? null : days.intValue(),
                    number(form.at(form.assigneeId(), row), "actions"),
                    blankToNull(form.at(form.field(), row)),
                    blankToNull(form.at(form.value(), row)),
                    blankToNull(form.at(form.message(), row))));
        }
        return actions;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "automation.trigger.required", "Choose from the list");
        }
    }

    private static Long number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "automation.task.due", "A whole number, please");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
