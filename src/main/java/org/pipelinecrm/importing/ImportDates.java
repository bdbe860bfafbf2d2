package org.pipelinecrm.importing;

import com.ibm.icu.util.PersianCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as files have them: ISO ({@code 2025-03-17}, or an instant with its offset), {@code 17/03/2025} or
 * {@code 03/17/2025} as the importer said ({@code DMY} or {@code MDY}; also with dots or dashes), and Solar
 * Hijri ({@code 1403/05/12}, told by its year), in Latin or Persian digits. A date alone means the start of that
 * day in the workspace.
 */
public final class ImportDates {

    public static final String DMY = "DMY";
    public static final String MDY = "MDY";

    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern YEAR_LAST = Pattern.compile("(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})");
    private static final Pattern LOCAL_TIME = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})[ T](\\d{2}:\\d{2}(:\\d{2})?)");
    /** Years before this are Solar Hijri: 1403 is 2024, and no imported history starts in the 18th century. */
    private static final int LAST_HIJRI_YEAR = 1700;

    private ImportDates() {}

    /** The value as an instant; a {@link RowProblem} naming the field and the value when it is not a date. */
    public static Instant parse(String raw, String field, ZoneId zone, String dateOrder) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = latinDigits(raw.trim());
        try {
            Matcher m = LOCAL_TIME.matcher(value);
            if (m.matches()) {
                return LocalDateTime.parse(m.group(1) + "T" + m.group(2))
                        .atZone(zone)
                        .toInstant();
            }
            if (value.length() > 10) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return day(value, dateOrder).atStartOfDay(zone).toInstant();
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new RowProblem("notDate", field, raw);
        }
    }

    private static LocalDate day(String value, String dateOrder) {
        Matcher m = YEAR_FIRST.matcher(value);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            return year < LAST_HIJRI_YEAR ? solarHijri(year, month, day) : LocalDate.of(year, month, day);
        }
        m = YEAR_LAST.matcher(value);
        if (m.matches()) {
            int first = Integer.parseInt(m.group(1));
            int second = Integer.parseInt(m.group(2));
            int year = Integer.parseInt(m.group(3));
            return MDY.equalsIgnoreCase(dateOrder)
                    ? LocalDate.of(year, first, second)
                    : LocalDate.of(year, second, first);
        }
        throw new IllegalArgumentException(value);
    }

    private static LocalDate solarHijri(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > (month <= 6 ? 31 : 30)) {
            throw new IllegalArgumentException("no such Solar Hijri day");
        }
        PersianCalendar calendar = new PersianCalendar(TimeZone.GMT_ZONE);
        calendar.setLenient(false);
        calendar.clear();
        calendar.set(year, month - 1, day);
        return Instant.ofEpochMilli(calendar.getTimeInMillis())
                .atOffset(ZoneOffset.UTC)
                .toLocalDate();
    }

    /** The day of an instant in the zone, ISO, for messages. */
    public static String day(Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone).toString();
    }

    /** Persian (۰–۹) and Arabic (٠–٩) digits as 0–9, for dates and numbers typed in Persian. */
    public static String latinDigits(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c >= '\u06F0' && c <= '\u06F9') {
                out.append((char) ('0' + c - '\u06F0'));
            } else if (c >= '\u0660' && c <= '\u0669') {
                out.append((char) ('0' + c - '\u0660'));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
