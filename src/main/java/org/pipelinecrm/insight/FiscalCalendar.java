package org.pipelinecrm.insight;

/** The calendar a workspace counts its months, quarters and fiscal years in. */
public enum FiscalCalendar {
    GREGORIAN("en@calendar=gregorian"),
    /** Solar Hijri: the year begins at Nowruz (1 Farvardin). */
    PERSIAN("fa_IR@calendar=persian");

    final String icuLocale;

    FiscalCalendar(String icuLocale) {
        this.icuLocale = icuLocale;
    }
}
