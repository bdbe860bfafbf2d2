package org.pipelinecrm.insight.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.identity.TeamSummary;
import org.pipelinecrm.identity.UserSummary;
import org.pipelinecrm.insight.FiscalYears;
import org.pipelinecrm.insight.Period;
import org.pipelinecrm.insight.PeriodLabels;
import org.pipelinecrm.insight.PeriodType;
import org.pipelinecrm.insight.Periods;
import org.pipelinecrm.insight.Targets;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the targets page in one read-only transaction: the targets, the periods to choose from in the
 * workspace's fiscal calendar, and the people and teams they can be for.
 */
@Component
@Transactional(readOnly = true)
class TargetsPage {

    private final Targets targets;
    private final FiscalYears fiscalYears;
    private final People people;
    private final PeriodLabels labels;

    TargetsPage(Targets targets, FiscalYears fiscalYears, People people, PeriodLabels labels) {
        this.targets = targets;
        this.fiscalYears = fiscalYears;
        this.people = people;
        this.labels = labels;
    }

    record Row(long id, LocalDate start, LocalDate end, BigDecimal amount, String who, boolean team) {}

    record View(
            List<Row> rows,
            Map<String, String> periods,
            List<UserSummary> users,
            List<TeamSummary> teams,
            FiscalYears.Setting fiscal) {}

    View view() {
        FiscalYears.Setting fiscal = fiscalYears.current();
        var users = people.userNames();
        var teams = people.teamsById();
        List<Row> rows = new ArrayList<>();
        for (var t : targets.all()) {
            String who = t.ownerId() != null
                    ? users.get(t.ownerId())
                    : teams.get(t.teamId()).name();
            rows.add(new Row(t.id(), t.periodStart(), t.periodEnd(), t.amount(), who, t.teamId() != null));
        }
        return new View(rows, periods(fiscal), people.users(), people.teams(), fiscal);
    }

    /** The last and the coming periods of each kind, keyed {@code TYPE:start} as the form sends them back. */
    private Map<String, String> periods(FiscalYears.Setting fiscal) {
        Map<String, String> periods = new LinkedHashMap<>();
        for (PeriodType type : PeriodType.values()) {
            LocalDate from = Periods.containing(fiscalYears.today(), type, fiscal.calendar(), fiscal.startMonth())
                    .start();
            int count = type == PeriodType.MONTH ? 12 : type == PeriodType.QUARTER ? 6 : 3;
            Period previous = Periods.previous(
                    Periods.containing(from, type, fiscal.calendar(), fiscal.startMonth()), fiscal.startMonth());
            for (Period p : Periods.from(previous.start(), type, fiscal.calendar(), fiscal.startMonth(), count + 1)) {
                periods.put(type + ":" + p.start(), labels.label(p));
            }
        }
        return periods;
    }
}
