package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums deals into forecast figures, reading only what the opportunity, pipeline and identity modules publish
 * ({@code deal_facts}, {@code stage_facts}, {@code person_facts}). A deal counts for its owner, and for the team the
 * owner is in now. Won deals count in the period their close day (in the workspace's zone) falls in; open deals in
 * the period of their expected close date (an open deal without one is in no period).
 */
@Component
class ForecastFigures {

    private final JdbcClient jdbc;

    ForecastFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scope of a figure: one rep, one team, or (both null) the workspace. */
    record Scope(LocalDate start, LocalDate end, ZoneId zone, Long teamId, Long ownerId) {

        Instant from() {
            return start.atStartOfDay(zone).toInstant();
        }

        Instant to() {
            return end.plusDays(1).atStartOfDay(zone).toInstant();
        }
    }

    private static final String IN_PERIOD = """
            from deal_facts d
            join stage_facts s on s.tenant_id = d.tenant_id and s.id = d.stage_id
            left join person_facts p on p.tenant_id = d.tenant_id and p.id = d.owner_id
            where ((d.status = 'WON' and d.closed_at >= :from and d.closed_at < :to)
                or (d.status = 'OPEN' and d.expected_close_date between :start and :end))
            """;

    /** The figures of every owner with deals in the period, keyed by owner, with the owner's team. */
    Map<Long, OwnerFigures> byOwner(Scope scope) {
        Map<Long, OwnerFigures> owners = new HashMap<>();
        jdbc.sql("select d.owner_id, p.team_id,"
                        + " coalesce(sum(d.amount) filter (where d.status = 'WON'), 0),"
                        + " coalesce(sum(d.amount) filter (where d.status = 'OPEN' and d.forecast_category = 'COMMIT'), 0),"
                        + " coalesce(sum(d.amount) filter (where d.status = 'OPEN' and d.forecast_category = 'BEST_CASE'), 0),"
                        + " coalesce(sum(d.amount) filter (where d.status = 'OPEN' and d.forecast_category = 'PIPELINE'), 0),"
                        + " coalesce(sum(d.amount * s.probability / 100.0) filter (where d.status = 'OPEN'), 0) "
                        + IN_PERIOD
                        + narrowed(scope)
                        + " group by d.owner_id, p.team_id")
                .params(params(scope))
                .query((ResultSet rs) -> {
                    long owner = rs.getLong(1);
                    owners.put(
                            owner,
                            new OwnerFigures(
                                    owner,
                                    (Long) rs.getObject(2),
                                    new Figures(
                                            money(rs.getBigDecimal(3)),
                                            money(rs.getBigDecimal(4)),
                                            money(rs.getBigDecimal(5)),
                                            money(rs.getBigDecimal(6)),
                                            money(rs.getBigDecimal(7)))));
                });
        return owners;
    }

    record OwnerFigures(long ownerId, Long teamId, Figures figures) {}

    /** An open deal expected in the period (omitted ones too): what the weighted figures weigh. */
    record OpenDeal(long id, long ownerId, BigDecimal amount) {}

    /** The scope's open deals expected in the period, omitted ones included (as the stage-weighted figure counts). */
    List<OpenDeal> open(Scope scope) {
        return jdbc.sql("select d.id, d.owner_id, d.amount " + IN_PERIOD + narrowed(scope) + " and d.status = 'OPEN'")
                .params(params(scope))
                .query((rs, n) -> new OpenDeal(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3)))
                .list();
    }

    /** The figures of the scope. */
    Figures of(Scope scope) {
        return byOwner(scope).values().stream().map(OwnerFigures::figures).reduce(Figures.NONE, Figures::plus);
    }

    /**
     * The deals behind the scope's figures, largest first; {@code category} null: every deal that counts in a
     * figure (won ones and open ones that are not omitted).
     */
    List<ForecastDeal> deals(Scope scope, ForecastCategory category) {
        String which = category == null
                ? " and d.forecast_category <> 'OMITTED'"
                : category == ForecastCategory.CLOSED
                        ? " and d.status = 'WON'"
                        : " and d.status = 'OPEN' and d.forecast_category = '" + category.name() + "'";
        return jdbc.sql(
                        "select d.id, d.name, d.owner_id, d.amount, d.forecast_category, d.forecast_category_overridden,"
                                + " d.expected_close_date, s.name, s.probability "
                                + IN_PERIOD
                                + narrowed(scope)
                                + which
                                + " order by d.amount desc, d.id limit 1000")
                .params(params(scope))
                .query((rs, n) -> deal(rs))
                .list();
    }

    private static ForecastDeal deal(ResultSet rs) throws SQLException {
        return new ForecastDeal(
                rs.getLong(1),
                rs.getString(2),
                rs.getLong(3),
                money(rs.getBigDecimal(4)),
                ForecastCategory.valueOf(rs.getString(5)),
                rs.getBoolean(6),
                rs.getObject(7, LocalDate.class),
                rs.getString(8),
                rs.getInt(9));
    }

    private static String narrowed(Scope scope) {
        return (scope.ownerId() != null ? " and d.owner_id = :owner" : "")
                + (scope.teamId() != null ? " and p.team_id = :team" : "");
    }

    private static Map<String, Object> params(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", java.sql.Timestamp.from(scope.from()));
        params.put("to", java.sql.Timestamp.from(scope.to()));
        params.put("start", scope.start());
        params.put("end", scope.end());
        if (scope.ownerId() != null) {
            params.put("owner", scope.ownerId());
        }
        if (scope.teamId() != null) {
            params.put("team", scope.teamId());
        }
        return params;
    }

    static BigDecimal money(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value.setScale(2, RoundingMode.HALF_UP);
    }
}
