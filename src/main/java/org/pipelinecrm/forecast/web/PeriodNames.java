package org.pipelinecrm.forecast.web;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.ZoneOffset;
import java.util.Date;
import org.pipelinecrm.insight.FiscalCalendar;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodType;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Names a fiscal month or quarter for its reader, as the dashboard does: "Azar 1405", "Quarter 3, fiscal year 2026". */
@Component("forecastPeriodNames")
class PeriodNames {

    private final MessageSource messages;

    PeriodNames(MessageSource messages) {
        this.messages = messages;
    }

    String label(Period period) {
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
