package org.pipelinecrm.shared;

import java.math.BigDecimal;

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
     * The number in the text: Persian or Latin digits, the decimal separator {@code ٫} or {@code .}, grouping
     * ({@code ٬}, {@code ،}, {@code ,}, spaces) dropped. Null for blank text; a {@link NumberFormatException} when it
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
                case '٬', '،', ',', ' ', '\u00a0', '\u202f' -> {}
                case '٫' -> plain.append('.');
                case '−' -> plain.append('-');
                default -> plain.append(c);
            }
        }
        return new BigDecimal(plain.toString());
    }

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
