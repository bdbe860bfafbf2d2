package org.pipelinecrm.exporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** How a value becomes a cell: data as data (ISO dates and moments, plain numbers), text safe from formulas. */
final class Cells {

    private Cells() {}

    /**
     * Text that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) gets
     * a leading apostrophe, so that it shows as the text it is and is never evaluated.
     */
    static String neutral(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /** The cell as CSV text: numbers plain, dates ISO-8601, moments ISO-8601 in UTC, enums by name. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Instant || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return neutral(value.toString());
    }
}
