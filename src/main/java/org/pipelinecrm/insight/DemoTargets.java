package org.pipelinecrm.insight;

import java.math.BigDecimal;
import org.pipelinecrm.demo.DemoContributor;
import org.pipelinecrm.demo.DemoWorkspace;
import org.springframework.stereotype.Component;

/**
 * Revenue targets for the demo's sales team and reps, this quarter and the one before, so that a newcomer's
 * dashboard shows pipeline coverage and the comparison with the previous period instead of "no target".
 */
@Component
class DemoTargets implements DemoContributor {

    private static final BigDecimal TEAM_PER_QUARTER = new BigDecimal("2500000");
    private static final BigDecimal REP_PER_QUARTER = new BigDecimal("1100000");

    private final Targets targets;
    private final FiscalYears fiscalYears;

    DemoTargets(Targets targets, FiscalYears fiscalYears) {
        this.targets = targets;
        this.fiscalYears = fiscalYears;
    }

    @Override
    public int order() {
        return 950;
    }

    @Override
    public void populate(DemoWorkspace demo) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Period quarter =
                Periods.containing(fiscalYears.today(), PeriodType.QUARTER, fiscal.calendar(), fiscal.startMonth());
        for (Period p : new Period[] {Periods.previous(quarter, fiscal.startMonth()), quarter}) {
            targets.set(new Targets.TargetCmd(p.start(), p.end(), TEAM_PER_QUARTER, null, demo.salesTeamId()));
            for (long rep : demo.repIds()) {
                targets.set(new Targets.TargetCmd(p.start(), p.end(), REP_PER_QUARTER, rep, null));
            }
        }
    }
}
