package org.pipelinecrm.customfield;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The save of a record page's custom fields section, the same for every kind of record: the record's module saves
 * the values; a refused one answers 400 with the section again and the message at its field; a save goes back to the
 * record's page (a full reload under htmx, since the page's other forms carry the record's version).
 */
@Component
public class FieldForm {

    public static final String FRAGMENT = "fragments/custom-fields :: section";

    private final CustomFields fields;
    private final MessageSource messages;

    FieldForm(CustomFields fields, MessageSource messages) {
        this.fields = fields;
        this.messages = messages;
    }

    /** Puts what the section shows into the model. */
    public void show(Model model, RecordKind kind, Map<String, Object> values, String action, long version) {
        model.addAttribute("cfFields", fields.shown(kind, values));
        model.addAttribute("cfAction", action);
        model.addAttribute("cfVersion", version);
    }

    /**
     * Saves the form's values through {@code save} (given the values, answering the record's values after), then
     * answers the view: a redirect to {@code page}, or the section with its errors.
     */
    public String save(
            RecordKind kind,
            Map<String, List<String>> form,
            long version,
            String page,
            java.util.function.Function<Map<String, Object>, ?> save,
            Supplier<Map<String, Object>> current,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes flash) {
        Map<String, Object> given = fields.fromForm(kind, form);
        try {
            save.apply(given);
        } catch (InvalidInputException e) {
            String key = e.getField() != null && e.getField().startsWith("customFields.")
                    ? e.getField().substring("customFields.".length())
                    : "";
            String message = messages.getMessage(
                    e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale());
            // the section shows what was typed, so it can be corrected
            Map<String, Object> typed = new java.util.LinkedHashMap<>(current.get());
            given.forEach((k, v) -> typed.put(k, v));
            show(model, kind, typed, page + "/fields", version);
            // the section rendered alone takes its parameters from the model
            model.addAttribute("fields", model.getAttribute("cfFields"));
            model.addAttribute("action", page + "/fields");
            model.addAttribute("version", version);
            model.addAttribute("cfErrors", Map.of(key, message));
            if (key.isEmpty()) {
                model.addAttribute("cfProblem", message);
            }
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return FRAGMENT;
        }
        flash.addFlashAttribute("saved", "customfield.saved");
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", page);
            return FRAGMENT_NONE;
        }
        return "redirect:" + page;
    }

    static final String FRAGMENT_NONE = "fragments/custom-fields :: none";
}
