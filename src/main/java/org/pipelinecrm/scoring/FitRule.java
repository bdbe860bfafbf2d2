package org.pipelinecrm.scoring;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** Points for what a lead is: e.g. industry EQUALS Software +15, country NOT_IN "Iran,Turkey" -20, companySize GTE 200 +10. */
public record FitRule(
        @NotBlank String field,
        @NotNull Operator operator,
        @NotNull String value,
        int points) {

    public enum Operator {
        EQUALS,
        NOT_EQUALS,
        IN,
        NOT_IN,
        CONTAINS,
        GTE,
        LTE,
        PRESENT
    }

    /** Fields a fit rule may look at. */
    public static final java.util.List<String> FIELDS = java.util.List.of(
            "industry", "country", "companySize", "annualRevenue", "title", "source", "type", "company", "email");

    boolean matches(String actual) {
        String a = actual == null ? "" : actual.trim();
        return switch (operator) {
            case EQUALS -> a.equalsIgnoreCase(value.trim());
            case NOT_EQUALS -> !a.isEmpty() && !a.equalsIgnoreCase(value.trim());
            case IN -> !a.isEmpty() && inList(a);
            case NOT_IN -> !a.isEmpty() && !inList(a);
            case CONTAINS ->
                !a.isEmpty() && a.toLowerCase().contains(value.trim().toLowerCase());
            case GTE -> number(a) != null && number(a) >= number(value);
            case LTE -> number(a) != null && number(a) <= number(value);
            case PRESENT -> !a.isEmpty();
        };
    }

    private boolean inList(String a) {
        for (String item : value.split(",")) {
            if (item.trim().equalsIgnoreCase(a)) {
                return true;
            }
        }
        return false;
    }

    private static Double number(String text) {
        try {
            return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String describe() {
        return field + " " + operator.name().toLowerCase().replace('_', ' ')
                + (operator == Operator.PRESENT ? "" : " " + value);
    }
}
