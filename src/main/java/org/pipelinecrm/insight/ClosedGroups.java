package org.pipelinecrm.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.insight.MetricsReport.Breakdown;
import org.pipelinecrm.insight.MetricsReport.Reason;
import org.springframework.stereotype.Component;

/**
 * The period's closed deals grouped by source, industry, owner and team, and its win and loss reasons, named for
 * the reader (people, teams, reason labels) and sorted: biggest won amount, most frequent reason first.
 */
@Component
class ClosedGroups {

    private final DealFigures deals;
    private final People people;

    ClosedGroups(DealFigures deals, People people) {
        this.deals = deals;
        this.people = people;
    }

    record Named(
            List<Breakdown> source,
            List<Breakdown> industry,
            List<Breakdown> owner,
            List<Breakdown> team,
            List<Reason> loss,
            List<Reason> win) {}

    Named named(List<DealFigures.Group> rows) {
        Map<Long, String> owners = people.userNames();
        var teams = people.teamsById();
        Map<String, String> reasons = deals.reasonLabels();
        List<Breakdown> source = new ArrayList<>();
        List<Breakdown> industry = new ArrayList<>();
        List<Breakdown> owner = new ArrayList<>();
        List<Breakdown> team = new ArrayList<>();
        List<Reason> loss = new ArrayList<>();
        List<Reason> win = new ArrayList<>();
        for (DealFigures.Group g : rows) {
            switch (g.dimension()) {
                case "source" -> source.add(breakdown(g, g.key()));
                case "industry" -> industry.add(breakdown(g, g.key()));
                case "owner" -> owner.add(breakdown(g, owners.get(Long.valueOf(g.key()))));
                case "team" ->
                    team.add(breakdown(
                            g,
                            g.key() == null
                                    ? null
                                    : teams.containsKey(Long.valueOf(g.key()))
                                            ? teams.get(Long.valueOf(g.key())).name()
                                            : null));
                default -> {
                    if ("LOST".equals(g.reasonOutcome())) {
                        loss.add(new Reason(
                                g.key(), label(reasons, "LOST", g.key()), g.lost(), Metrics.money(g.lostAmount())));
                    } else if ("WON".equals(g.reasonOutcome())) {
                        win.add(new Reason(
                                g.key(), label(reasons, "WON", g.key()), g.won(), Metrics.money(g.wonAmount())));
                    }
                }
            }
        }
        Comparator<Breakdown> byWon = Comparator.comparing(Breakdown::wonAmount).reversed();
        Comparator<Reason> byCount = Comparator.comparingLong(Reason::count).reversed();
        source.sort(byWon);
        industry.sort(byWon);
        owner.sort(byWon);
        team.sort(byWon);
        loss.sort(byCount);
        win.sort(byCount);
        return new Named(source, industry, owner, team, loss, win);
    }

    private static String label(Map<String, String> reasons, String outcome, String code) {
        return code == null ? null : reasons.getOrDefault(outcome + ":" + code, code);
    }

    private static Breakdown breakdown(DealFigures.Group g, String label) {
        return new Breakdown(
                g.key(),
                label,
                g.won(),
                g.lost(),
                Metrics.money(g.wonAmount()),
                Metrics.rate(g.won(), g.won() + g.lost()));
    }
}
