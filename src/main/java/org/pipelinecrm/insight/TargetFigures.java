package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The revenue target of a period for the filtered rep, team or workspace. A target that only partly
 * overlaps the period counts for the share of its days inside the period.
 */
@Component
class TargetFigures {

    private final JdbcClient jdbc;

    TargetFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(
            LocalDate start, LocalDate end, BigDecimal amount, Long ownerId, Long teamId, Long ownerTeamId) {}

    /** Null when no target covers the period. */
    BigDecimal target(MetricsFilter filter) {
        List<Row> rows = jdbc.sql("""
                select t.period_start, t.period_end, t.amount, t.owner_id, t.team_id, u.team_id
                from revenue_target t left join person_facts u on u.tenant_id = t.tenant_id and u.id = t.owner_id
                where t.period_end >= ? and t.period_start <= ?
                """)
                .params(filter.from(), filter.to())
                .query((rs, n) -> new Row(
                        rs.getObject(1, LocalDate.class),
                        rs.getObject(2, LocalDate.class),
                        rs.getBigDecimal(3),
                        (Long) rs.getObject(4),
                        (Long) rs.getObject(5),
                        (Long) rs.getObject(6)))
                .list();
        List<Row> chosen;
        if (filter.ownerId() != null) {
            chosen = rows.stream()
                    .filter(r -> filter.ownerId().equals(r.ownerId()))
                    .toList();
        } else if (filter.teamId() != null) {
            List<Row> team = rows.stream()
                    .filter(r -> filter.teamId().equals(r.teamId()))
                    .toList();
            // no team target: the team's reps' targets add up to it
            chosen = !team.isEmpty()
                    ? team
                    : rows.stream()
                            .filter(r -> r.ownerId() != null && filter.teamId().equals(r.ownerTeamId()))
                            .toList();
        } else {
            boolean teamTargets = rows.stream().anyMatch(r -> r.teamId() != null);
            // team targets already hold their reps' share; reps without a team add theirs
            chosen = !teamTargets
                    ? rows
                    : rows.stream()
                            .filter(r -> r.teamId() != null || r.ownerTeamId() == null)
                            .toList();
        }
        if (chosen.isEmpty()) {
            return null;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (Row r : chosen) {
            total = total.add(prorated(r, filter.from(), filter.to()));
        }
        return total.setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal prorated(Row r, LocalDate from, LocalDate to) {
        LocalDate start = r.start().isAfter(from) ? r.start() : from;
        LocalDate end = r.end().isBefore(to) ? r.end() : to;
        long inside = end.toEpochDay() - start.toEpochDay() + 1;
        long all = r.end().toEpochDay() - r.start().toEpochDay() + 1;
        return inside == all
                ? r.amount()
                : r.amount()
                        .multiply(BigDecimal.valueOf(inside))
                        .divide(BigDecimal.valueOf(all), 6, RoundingMode.HALF_UP);
    }
}
