package org.pipelinecrm.insight;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Months, quarters and fiscal years in the Gregorian or the Solar Hijri calendar, with a fiscal year
 * that may start in any month. Calendar arithmetic is ICU's; this class only counts months.
 */
public final class Periods {

    private Periods() {}

    /** The period of the given type that contains {@code day}. */
    public static Period containing(LocalDate day, PeriodType type, FiscalCalendar calendar, int fiscalStartMonth) {
        Calendar cal = calendar(calendar);
        cal.setTime(toDate(day));
        int year = cal.get(Calendar.EXTENDED_YEAR);
        int month = cal.get(Calendar.MONTH); // 0-based
        // months since the start of the fiscal year that contains the day
        int offset = Math.floorMod(month - (fiscalStartMonth - 1), 12);
        int fiscalYearStartYear = month >= fiscalStartMonth - 1 ? year : year - 1;
        int index = offset / type.months;
        int startMonthAbsolute = (fiscalStartMonth - 1) + index * type.months;
        LocalDate start = firstDay(calendar, fiscalYearStartYear, startMonthAbsolute);
        LocalDate end = firstDay(calendar, fiscalYearStartYear, startMonthAbsolute + type.months)
                .minusDays(1);
        int number = type == PeriodType.MONTH ? month + 1 : index + 1;
        int namedYear = type == PeriodType.MONTH ? year : fiscalYearStartYear;
        return new Period(type, calendar, namedYear, number, start, end);
    }

    /** {@code count} consecutive periods starting with the one that contains {@code day}. */
    public static List<Period> from(
            LocalDate day, PeriodType type, FiscalCalendar calendar, int fiscalStartMonth, int count) {
        List<Period> periods = new ArrayList<>();
        Period current = containing(day, type, calendar, fiscalStartMonth);
        for (int i = 0; i < count; i++) {
            periods.add(current);
            current = containing(current.end().plusDays(1), type, calendar, fiscalStartMonth);
        }
        return periods;
    }

    /** The period just before this one, for comparisons with the previous period. */
    public static Period previous(Period period, int fiscalStartMonth) {
        return containing(period.start().minusDays(1), period.type(), period.calendar(), fiscalStartMonth);
    }

    private static LocalDate firstDay(FiscalCalendar calendar, int year, int monthFromYearStart) {
        Calendar cal = calendar(calendar);
        cal.clear();
        cal.set(Calendar.EXTENDED_YEAR, year + Math.floorDiv(monthFromYearStart, 12));
        cal.set(Calendar.MONTH, Math.floorMod(monthFromYearStart, 12));
        cal.set(Calendar.DAY_OF_MONTH, 1);
        return cal.getTime().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Calendar calendar(FiscalCalendar calendar) {
        return Calendar.getInstance(TimeZone.GMT_ZONE, new ULocale(calendar.icuLocale));
    }

    private static Date toDate(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
