package org.pipelinecrm.lead;

import java.util.Locale;

/** Case- and space-insensitive keys under which two leads count as likely the same. */
final class DuplicateKeys {

    private DuplicateKeys() {}

    static String email(String email) {
        return email == null || email.isBlank() ? null : normal(email).replace(" ", "");
    }

    /** Company + full name; null unless both a company and a name are known. */
    static String name(String company, String firstName, String lastName) {
        if (company == null || company.isBlank() || lastName == null || lastName.isBlank()) {
            return null;
        }
        return normal(company) + "|" + normal((firstName == null ? "" : firstName) + " " + lastName);
    }

    private static String normal(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
