package org.pipelinecrm.activity.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.util.StringUtils;

/** {@code datetime-local} values of the forms, typed and shown in the workspace's time zone. */
final class LocalTimes {

    private LocalTimes() {
    }

    /** The instant, null when blank; an unreadable value is an {@link IllegalArgumentException}. */
    static Instant parse(String local, ZoneId zone) {
        if (!StringUtils.hasText(local)) {
            return null;
        }
        try {
            return LocalDateTime.parse(local.trim().toUpperCase(Locale.ROOT)).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String format(Instant at, ZoneId zone) {
        return at == null ? "" : LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    /** A path inside this application to go back to after a form; anything else goes to the fallback. */
    static String safeReturn(String returnTo, String fallback) {
        return returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//") && !returnTo.contains("\\")
                ? returnTo : fallback;
    }
}
