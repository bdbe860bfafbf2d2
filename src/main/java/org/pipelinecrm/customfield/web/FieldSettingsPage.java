package org.pipelinecrm.customfield.web;

import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldType;
import org.pipelinecrm.customfield.FieldView;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins' custom fields, per kind of record: add, edit labels and options, reorder, retire and bring back. */
@Controller
@RequestMapping("/settings/fields")
@PreAuthorize("hasRole('ADMIN')")
class FieldSettingsPage {

    private final CustomFields fields;
    private final MessageSource messages;

    FieldSettingsPage(CustomFields fields, MessageSource messages) {
        this.fields = fields;
        this.messages = messages;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "OPPORTUNITY") RecordKind kind, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", RecordKind.values());
        model.addAttribute("types", FieldType.values());
        model.addAttribute("fields", fields.fields(kind));
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft("", "", "", FieldType.TEXT, "", false));
        }
        return "customfield/settings";
    }

    @PostMapping
    String add(
            @RequestParam RecordKind kind,
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String labelFa,
            @RequestParam FieldType type,
            @RequestParam(defaultValue = "") String options,
            @RequestParam(defaultValue = "false") boolean required,
            RedirectAttributes flash) {
        Draft draft = new Draft(key.trim(), label.trim(), labelFa.trim(), type, options, required);
        String problem = null;
        if (!draft.key().matches("[a-z][a-z0-9_]{0,39}")) {
            problem = "customfield.keyInvalid";
        } else if (draft.label().isEmpty()
                || draft.label().length() > 80
                || draft.labelFa().length() > 80) {
            problem = "customfield.labelInvalid";
        }
        if (problem == null) {
            try {
                fields.define(new CustomFields.DefineCmd(
                        kind, draft.key(), draft.label(), draft.labelFa(), type, lines(options), required, null));
                flash.addFlashAttribute("saved", "customfield.added");
                return redirect(kind);
            } catch (InvalidInputException e) {
                flash.addFlashAttribute("problemText", text(e));
            }
        } else {
            flash.addFlashAttribute("problem", problem);
        }
        flash.addFlashAttribute("draft", draft);
        return redirect(kind);
    }

    @PostMapping("/{id}")
    String change(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "") String labelFa,
            @RequestParam(required = false) String options,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam long version,
            RedirectAttributes flash) {
        FieldView field = fields.field(id);
        if (label.isBlank() || label.trim().length() > 80 || labelFa.trim().length() > 80) {
            flash.addFlashAttribute("problem", "customfield.labelInvalid");
            return redirect(field.recordKind());
        }
        try {
            fields.change(
                    id,
                    new CustomFields.ChangeCmd(
                            label, labelFa, options == null ? null : lines(options), required, null, null, version));
            flash.addFlashAttribute("saved", "customfield.saved");
        } catch (InvalidInputException e) {
            flash.addFlashAttribute("problemText", text(e));
        }
        return redirect(field.recordKind());
    }

    @PostMapping("/{id}/active")
    String activate(
            @PathVariable long id, @RequestParam boolean active, @RequestParam long version, RedirectAttributes flash) {
        FieldView field = fields.field(id);
        fields.change(id, new CustomFields.ChangeCmd(null, null, null, null, null, active, version));
        flash.addFlashAttribute("saved", active ? "customfield.activated" : "customfield.retired");
        return redirect(field.recordKind());
    }

    /** Moves the field one place up or down among the fields of its kind. */
    @PostMapping("/{id}/move")
    String move(@PathVariable long id, @RequestParam boolean up, RedirectAttributes flash) {
        FieldView field = fields.field(id);
        List<Long> ids = new java.util.ArrayList<>(
                fields.fields(field.recordKind()).stream().map(FieldView::id).toList());
        int at = ids.indexOf(id);
        int to = up ? at - 1 : at + 1;
        if (to >= 0 && to < ids.size()) {
            ids.set(at, ids.get(to));
            ids.set(to, id);
            fields.reorder(field.recordKind(), ids);
            flash.addFlashAttribute("saved", "customfield.moved");
        }
        return redirect(field.recordKind());
    }

    private String text(InvalidInputException e) {
        return messages.getMessage(
                e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale());
    }

    private static List<String> lines(String options) {
        return Arrays.stream(options.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static String redirect(RecordKind kind) {
        return "redirect:/settings/fields?kind=" + kind;
    }

    /** The add form as it was typed, shown again when it was refused. */
    record Draft(String key, String label, String labelFa, FieldType type, String options, boolean required) {}
}
