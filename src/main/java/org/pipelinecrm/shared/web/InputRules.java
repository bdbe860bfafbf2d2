package org.pipelinecrm.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What no request may carry, whatever the field: text with a NUL character (PostgreSQL cannot store it), numbers
 * too large for any amount column ({@code numeric(18, 2)}), and dates outside the years 1 to 9999. Applied to every
 * JSON value ({@link JsonInputRules}) and every query or form parameter ({@link ParameterRules}).
 */
final class InputRules {

    /** Amounts are {@code numeric(18, 2)}: sixteen digits before the point. */
    static final BigDecimal LARGEST_NUMBER = new BigDecimal("9999999999999999.99");

    private static final Instant FIRST = LocalDate.of(1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant LAST = LocalDate.of(10000, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private InputRules() {}

    /** The field-problem code that refuses the value, or null when it may be stored. */
    static String refusal(Object value) {
        if (value instanceof String text) {
            return hasNul(text) ? "nul-character" : null;
        }
        if (value instanceof BigDecimal number) {
            return number.abs().compareTo(LARGEST_NUMBER) > 0 ? "number-out-of-range" : null;
        }
        if (value instanceof Double number) {
            return number.isNaN() || Math.abs(number) > LARGEST_NUMBER.doubleValue() ? "number-out-of-range" : null;
        }
        if (value instanceof LocalDate date) {
            return outside(date.getYear());
        }
        if (value instanceof LocalDateTime moment) {
            return outside(moment.getYear());
        }
        if (value instanceof OffsetDateTime moment) {
            return outside(moment.getYear());
        }
        if (value instanceof Instant moment) {
            return moment.isBefore(FIRST) || !moment.isBefore(LAST) ? "date-out-of-range" : null;
        }
        return null;
    }

    static boolean hasNul(String text) {
        return text.indexOf('\u0000') >= 0;
    }

    private static String outside(int year) {
        return year < 1 || year > 9999 ? "date-out-of-range" : null;
    }
}
