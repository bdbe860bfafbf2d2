package org.pipelinecrm.shared;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Persian (۰–۹) and Arabic-Indic (٠–٩) digits, as Persian keyboards type them, read as the digits they are. Applied
 * only where a number is expected (amounts, counts, dates, phone numbers), never to free text.
 */
public final class Digits {

    private Digits() {}

    /** The text with every Persian and Arabic-Indic digit as its Latin one; everything else as it was. */
    public static String latin(String text) {
        if (text == null || !hasEastern(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(latin(text.charAt(i)));
        }
        return out.toString();
    }

    /** True when the text holds a digit or separator that is not Latin (so a plain parser would refuse it). */
    public static boolean hasEastern(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (latin(c) != c || c == '٫' || c == '٬' || c == '،') {
                return true;
            }
        }
        return false;
    }

    /**
     * The number in the text: Persian or Latin digits, the decimal separator {@code ٫} or {@code .}, and thousands
     * grouped by {@code ٬}, {@code ،}, {@code ,} or spaces. Null for blank text; a {@link NumberFormatException} when it
     * is no number.
     */
    public static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder plain = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = latin(text.charAt(i));
            switch (c) {
                case '٬', '،', ',', ' ', '\u00a0', '\u202f' -> plain.append(',');
                case '٫' -> plain.append('.');
                case '−' -> plain.append('-');
                default -> plain.append(c);
            }
        }
        String number = plain.toString().replaceAll("^,+|,+$", "");
        // grouping only as grouping: 1,250,000 is a number, 1,2 is not
        if (number.indexOf(',') >= 0 && !GROUPED.matcher(number).matches()) {
            throw new NumberFormatException("not grouped by thousands: " + text);
        }
        return new BigDecimal(number.replace(",", ""));
    }

    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    /** A phone number as typed, with Latin digits; null for blank text. */
    public static String phone(String text) {
        return text == null || text.isBlank() ? null : latin(text.trim());
    }

    private static char latin(char c) {
        if (c >= '۰' && c <= '۹') {
            return (char) ('0' + (c - '۰'));
        }
        if (c >= '٠' && c <= '٩') {
            return (char) ('0' + (c - '٠'));
        }
        return c;
    }
}
