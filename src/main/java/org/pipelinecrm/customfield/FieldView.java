package org.pipelinecrm.customfield;

import java.util.List;
import java.util.Locale;

/** A custom field's definition as the API and pages show it; {@code labelFa} is the Persian label. */
public record FieldView(
        long id,
        RecordKind recordKind,
        String key,
        String label,
        String labelFa,
        FieldType type,
        List<String> options,
        boolean required,
        int position,
        boolean active,
        long version) {

    /** The options one a line, as the settings page edits them. */
    public String optionLines() {
        return String.join("\n", options);
    }

    /** The label in the reader's language. */
    public String labelIn(Locale locale) {
        return "fa".equals(locale.getLanguage()) ? labelFa : label;
    }
}
