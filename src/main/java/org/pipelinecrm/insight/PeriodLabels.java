package org.pipelinecrm.insight;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.ZoneOffset;
import java.util.Date;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Names a fiscal month, quarter or year for its reader, in their language and the period's calendar: "Azar 1405",
 * "آذر ۱۴۰۵", "Quarter 3, fiscal year 2026". The dashboard, the targets page and the forecast page use it.
 */
@Component("periodLabels")
public class PeriodLabels {

    private final MessageSource messages;

    PeriodLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The period's name in the reader's language (the request's locale). */
    public String label(Period period) {
        var locale = LocaleContextHolder.getLocale();
        ULocale reader = new ULocale(locale.getLanguage()
                + (period.calendar() == FiscalCalendar.PERSIAN ? "@calendar=persian" : "@calendar=gregorian"));
        if (period.type() == PeriodType.MONTH) {
            DateFormat format = DateFormat.getInstanceForSkeleton("yMMMM", reader);
            format.setTimeZone(TimeZone.GMT_ZONE);
            return format.format(
                    Date.from(period.start().atStartOfDay(ZoneOffset.UTC).toInstant()));
        }
        NumberFormat digits = NumberFormat.getIntegerInstance(ULocale.forLocale(locale));
        digits.setGroupingUsed(false);
        String year = digits.format(period.year());
        return period.type() == PeriodType.QUARTER
                ? messages.getMessage("period.quarter", new Object[] {digits.format(period.index()), year}, locale)
                : messages.getMessage("period.year", new Object[] {year}, locale);
    }
}
