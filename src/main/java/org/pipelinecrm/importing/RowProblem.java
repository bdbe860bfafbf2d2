package org.pipelinecrm.importing;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Why a row of an import was not written, as a code and its values, so that the import page words it in the
 * reader's language ({@code import.problem.<code>} in the importing texts); its message is the English wording,
 * which the API and logs show.
 */
public class RowProblem extends IllegalArgumentException {

    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle(
            "i18n/importing",
            Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private final String code;
    private final List<String> args;

    public RowProblem(String code, Object... args) {
        super(new MessageFormat(ENGLISH.getString("import.problem." + code), Locale.ENGLISH)
                .format(Arrays.stream(args).map(String::valueOf).toArray()));
        this.code = code;
        this.args = Arrays.stream(args).map(String::valueOf).toList();
    }

    /**
     * A custom field's refusal of a row's value ({@code customFields.KEY} in the exception) as a problem naming the
     * import field {@code cf.KEY} (so its column) and the value given.
     */
    public static RowProblem customField(
            org.pipelinecrm.shared.InvalidInputException e, java.util.Map<String, String> row) {
        String named = e.getField() == null ? "" : e.getField();
        String field = named.startsWith("customFields.") ? "cf." + named.substring("customFields.".length()) : named;
        String value = row.get(field) == null ? "" : row.get(field).strip();
        if ("problem.field.required".equals(e.getMessageKey())) {
            return new RowProblem("fieldNeeded", field);
        }
        if ("problem.field.one-of".equals(e.getMessageKey()) && e.getArguments().length > 0) {
            return new RowProblem("customFieldOption", field, value, e.getArguments()[0]);
        }
        return new RowProblem("customFieldValue", field, value);
    }

    /** Codes whose field is not their first value. */
    private static final java.util.Map<String, String> FIELDS = java.util.Map.ofEntries(
            java.util.Map.entry("duplicateLead", "email"),
            java.util.Map.entry("unknownLeadType", "type"),
            java.util.Map.entry("dealNeedsName", "name"),
            java.util.Map.entry("notPipelineId", "pipelineId"),
            java.util.Map.entry("noPipelineNamed", "pipeline"),
            java.util.Map.entry("stageNeeded", "stage"),
            java.util.Map.entry("noStageNamed", "stage"),
            java.util.Map.entry("noOwnerNamed", "ownerName"),
            java.util.Map.entry("noOwnerId", "ownerId"),
            java.util.Map.entry("unknownWinReason", "reason"),
            java.util.Map.entry("unknownLossReason", "reason"),
            java.util.Map.entry("badAmount", "amount"),
            java.util.Map.entry("derivedOpenedAt", "openedAt"),
            java.util.Map.entry("unknownDeal", "dealExternalId"),
            java.util.Map.entry("stageChangeBefore", "enteredAt"),
            java.util.Map.entry("stageChangeOrder", "leftAt"),
            java.util.Map.entry("stageChangeBeforeOpened", "enteredAt"),
            java.util.Map.entry("stageChangeSameStage", "enteredAt"));

    /** The field a problem is about: by its code, else its first value when that names a field. */
    static String fieldOf(String code, List<String> args) {
        String field = FIELDS.get(code);
        if (field != null) {
            return field;
        }
        return args == null || args.isEmpty() ? null : args.get(0);
    }

    public String code() {
        return code;
    }

    public List<String> args() {
        return args;
    }
}
