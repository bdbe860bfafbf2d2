package org.pipelinecrm.insight;

public enum PeriodType {
    MONTH(1),
    QUARTER(3),
    YEAR(12);

    final int months;

    PeriodType(int months) {
        this.months = months;
    }
}
