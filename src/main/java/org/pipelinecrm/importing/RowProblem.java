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

    public String code() {
        return code;
    }

    public List<String> args() {
        return args;
    }
}
