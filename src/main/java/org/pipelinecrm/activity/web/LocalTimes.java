package org.pipelinecrm.activity.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.util.StringUtils;

/** {@code datetime-local} values of the forms, typed and shown in the workspace's time zone. */
final class LocalTimes {

    private LocalTimes() {}

    /** The instant, null when blank; an unreadable value is an {@link IllegalArgumentException}. */
    static Instant parse(String local, ZoneId zone) {
        if (!StringUtils.hasText(local)) {
            return null;
        }
        LocalDateTime moment;
        try {
            moment = LocalDateTime.parse(local.trim().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(null, "problem.field.moment", "not a moment: " + local);
        }
        if (moment.getYear() < 1 || moment.getYear() > 9999) {
            throw new InvalidInputException(null, "problem.field.date-out-of-range", "year out of range: " + local);
        }
        return moment.atZone(zone).toInstant();
    }

    static String format(Instant at, ZoneId zone) {
        return at == null
                ? ""
                : LocalDateTime.ofInstant(at, zone)
                        .truncatedTo(ChronoUnit.MINUTES)
                        .toString();
    }

    /** A path and query on this site: no scheme, no host, no line breaks or other characters a header must not carry. */
    private static final java.util.regex.Pattern SAME_SITE_PATH =
            java.util.regex.Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%?=&+,;:@!$'()*-]*");

    /** A path inside this application to go back to after a form; anything else goes to the fallback. */
    static String safeReturn(String returnTo, String fallback) {
        return returnTo != null && SAME_SITE_PATH.matcher(returnTo).matches() && !returnTo.contains("%0")
                ? returnTo
                : fallback;
    }
}
