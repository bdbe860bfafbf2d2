package org.pipelinecrm.shared.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates, numbers and money as a reader of the page expects them: Solar Hijri with Persian digits in
 * Persian, Gregorian in English. Templates call it as {@code ${@formats.date(...)}}.
 */
@Component("formats")
public class Formats {

    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return dateFormat(DateFormat.MEDIUM, -1, ZoneOffset.UTC)
                .format(Date.from(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    public String date(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return dateFormat(DateFormat.MEDIUM, -1, zone).format(Date.from(instant));
    }

    public String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        return dateFormat(DateFormat.MEDIUM, DateFormat.SHORT, zone).format(Date.from(instant));
    }

    /** Today's date in the reader's calendar, e.g. "۱ آذر ۱۴۰۵" or "Nov 22, 2026". */
    public String today(ZoneId zone) {
        return date(Instant.now(), zone);
    }

    public String number(Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(uLocale()).format(value);
    }

    public String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(uLocale());
        format.setCurrency(com.ibm.icu.util.Currency.getInstance(currency));
        if ("IRR".equals(currency)) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(amount);
    }

    public String percent(Number fraction) {
        return fraction == null
                ? ""
                : NumberFormat.getPercentInstance(uLocale()).format(fraction);
    }

    private static DateFormat dateFormat(int dateStyle, int timeStyle, ZoneId zone) {
        ULocale locale = uLocale();
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone(zone.getId()), locale);
        DateFormat format = timeStyle < 0
                ? DateFormat.getDateInstance(calendar, dateStyle, locale)
                : DateFormat.getDateTimeInstance(calendar, dateStyle, timeStyle, locale);
        format.setTimeZone(TimeZone.getTimeZone(zone.getId()));
        return format;
    }

    private static ULocale uLocale() {
        Locale locale = LocaleContextHolder.getLocale();
        // Persian readers get the Solar Hijri calendar and Persian digits; everyone else the Gregorian one.
        return "fa".equals(locale.getLanguage()) ? new ULocale("fa_IR@calendar=persian") : ULocale.forLocale(locale);
    }
}
