package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures about deals, each one SQL statement over an index or a rollup, read through the views the
 * opportunity, pipeline and account modules publish (their tables are theirs).
 */
@Component
class DealFigures {

    /** An open deal at this probability or above counts towards the commit forecast. */
    static final int COMMIT_PROBABILITY = 75;

    private final JdbcClient jdbc;

    DealFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Closed(long won, long lost, BigDecimal wonAmount, BigDecimal averageAgeDays) {}

    /** Deals closed in the period: counts, won amount, average age of the won ones (from the daily rollup). */
    Closed closed(MetricsScope scope) {
        return jdbc.sql("""
                select coalesce(sum(r.deals) filter (where r.status = 'WON'), 0),
                       coalesce(sum(r.deals) filter (where r.status = 'LOST'), 0),
                       coalesce(sum(r.amount) filter (where r.status = 'WON'), 0),
                       sum(r.age_seconds) filter (where r.status = 'WON') / 86400
                         / nullif(sum(r.deals) filter (where r.status = 'WON'), 0)
                from deal_close_facts r
                where r.day >= :fromDay and r.day <= :toDay
                """ + scope.deals("r"))
                .params(scope.params)
                .query((rs, n) -> new Closed(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getBigDecimal(3),
                        rs.getObject(4) == null ? null : BigDecimal.valueOf(rs.getDouble(4))))
                .single();
    }

    record Group(
            String dimension,
            String key,
            String reasonOutcome,
            long won,
            long lost,
            BigDecimal wonAmount,
            BigDecimal lostAmount) {}

    /** Deals closed in the period grouped by source, industry, owner, team and close reason, in one pass. */
    List<Group> closedGroups(MetricsScope scope) {
        return jdbc.sql("""
                select case when grouping(o.source) = 0 then 'source' when grouping(o.industry) = 0 then 'industry'
                            when grouping(o.owner_id) = 0 then 'owner' when grouping(o.team_id) = 0 then 'team'
                            else 'reason' end,
                       coalesce(o.source, o.industry, o.owner_id::text, o.team_id::text, o.close_reason),
                       case when grouping(o.status) = 0 then o.status end,
                       count(*) filter (where o.status = 'WON'), count(*) filter (where o.status = 'LOST'),
                       coalesce(sum(o.amount) filter (where o.status = 'WON'), 0),
                       coalesce(sum(o.amount) filter (where o.status = 'LOST'), 0)
                from deal_facts o
                where o.closed_at >= :from and o.closed_at < :to
                """ + scope.deals("o") + """

                group by grouping sets ((o.source), (o.industry), (o.owner_id), (o.team_id), (o.status, o.close_reason))
                """)
                .params(scope.params)
                .query((rs, n) -> new Group(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7)))
                .list();
    }

    record Bucket(int index, long won, long lost, BigDecimal wonAmount) {}

    /** Deals closed in each of the given months ({@code starts} holds each month's first day and the end). */
    Map<Integer, Bucket> closedByMonth(MetricsScope scope, List<LocalDate> starts) {
        Map<String, Object> params = new HashMap<>(scope.params);
        params.put("fromDay", starts.get(0));
        params.put("endDay", starts.get(starts.size() - 1));
        Map<Integer, Bucket> buckets = new HashMap<>();
        jdbc.sql("select width_bucket(r.day, " + MetricsScope.days(starts) + "), "
                        + """
                coalesce(sum(r.deals) filter (where r.status = 'WON'), 0), coalesce(sum(r.deals) filter (where r.status = 'LOST'), 0),
                coalesce(sum(r.amount) filter (where r.status = 'WON'), 0)
                from deal_close_facts r
                where r.day >= :fromDay and r.day < :endDay
                """ + scope.deals("r") + " group by 1")
                .params(params)
                .query((rs, n) -> new Bucket(rs.getInt(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
                .list()
                .forEach(b -> buckets.put(b.index(), b));
        return buckets;
    }

    record OpenStage(long stageId, long count, BigDecimal amount, BigDecimal weighted) {}

    /** Open deals per stage: count, amount, weighted amount (from the rollup the trigger keeps). */
    List<OpenStage> openByStage(MetricsScope scope) {
        return jdbc.sql("""
                select r.stage_id, sum(r.deals), sum(r.amount), sum(r.weighted)
                from open_deal_facts r
                where true
                """ + scope.deals("r") + " group by r.stage_id having sum(r.deals) > 0")
                .params(scope.params)
                .query((rs, n) -> new OpenStage(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list();
    }

    /** Open deals whose account has a contact marked as decision maker. */
    long withDecisionMaker(MetricsScope scope) {
        return jdbc.sql("""
                select count(*) from deal_facts o
                where o.status = 'OPEN' and o.account_id in (
                    select c.account_id from contact_facts c where c.tenant_id = :tenant and c.buying_role = 'DECISION_MAKER')
                """ + scope.deals("o"))
                .params(scope.params)
                .query(Long.class)
                .single();
    }

    record ForecastBucket(int index, BigDecimal commit, BigDecimal bestCase, BigDecimal weighted) {}

    /** Open deals by expected close date in the given months (first days plus the end). */
    Map<Integer, ForecastBucket> openByCloseMonth(MetricsScope scope, List<LocalDate> starts) {
        Map<String, Object> params = new HashMap<>(scope.params);
        params.put("fromDay", starts.get(0));
        params.put("endDay", starts.get(starts.size() - 1));
        params.put("commit", COMMIT_PROBABILITY);
        Map<Integer, ForecastBucket> buckets = new HashMap<>();
        jdbc.sql("select width_bucket(o.expected_close_date, " + MetricsScope.days(starts) + "), "
                        + """
                coalesce(sum(o.amount) filter (where o.probability >= :commit), 0), coalesce(sum(o.amount), 0),
                coalesce(sum(o.amount * o.probability / 100.0), 0)
                from deal_facts o
                where o.status = 'OPEN' and o.expected_close_date >= :fromDay and o.expected_close_date < :endDay
                """ + scope.deals("o") + " group by 1")
                .params(params)
                .query((rs, n) ->
                        new ForecastBucket(rs.getInt(1), rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)))
                .list()
                .forEach(b -> buckets.put(b.index(), b));
        return buckets;
    }

    record Stalled(long count, BigDecimal amount) {}

    /** Open deals that sat in their stage longer than the stage's rotting days. */
    Stalled stalled(MetricsScope scope) {
        return jdbc.sql("""
                select count(o.id), coalesce(sum(o.amount), 0)
                from stage_facts s
                join deal_facts o on o.tenant_id = s.tenant_id and o.stage_id = s.id and o.status = 'OPEN'
                     and o.stage_entered_at < now() - make_interval(days => s.rotting_days)
                where s.tenant_id = :tenant and s.kind = 'OPEN' and s.rotting_days is not null
                """ + scope.deals("o"))
                .params(scope.params)
                .query((rs, n) -> new Stalled(rs.getLong(1), rs.getBigDecimal(2)))
                .single();
    }

    /**
     * The stalled deals themselves, longest in their stage first (the same rule as {@link #stalled}): the oldest of
     * each stage walked along its age index, then merged, so a large workspace reads a few hundred deals, not all.
     */
    List<StalledDeal> stalledDeals(MetricsScope scope, int limit) {
        return jdbc.sql("""
                select o.id, o.name, o.amount, o.owner_id, s.name, o.stage_entered_at, s.rotting_days
                from stage_facts s
                cross join lateral (
                  select o.id, o.name, o.amount, o.owner_id, o.stage_entered_at from deal_facts o
                  where o.tenant_id = s.tenant_id and o.stage_id = s.id and o.status = 'OPEN'
                    and o.stage_entered_at < now() - make_interval(days => s.rotting_days)
                """ + scope.deals("o") + " order by o.stage_entered_at, o.id limit " + limit + """
                ) o
                where s.tenant_id = :tenant and s.kind = 'OPEN' and s.rotting_days is not null
                order by o.stage_entered_at, o.id
                """ + " limit "
                        + limit)
                .params(scope.params)
                .query((rs, n) -> new StalledDeal(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getLong(4),
                        rs.getString(5),
                        Duration.between(rs.getObject(6, OffsetDateTime.class).toInstant(), Instant.now())
                                .toDays(),
                        rs.getInt(7)))
                .list();
    }

    record Flow(long stageId, long entered, long exited, long forward, double seconds) {}

    /** Deals entering and leaving each stage in the period, from the daily rollup. */
    Map<Long, Flow> stageFlow(MetricsScope scope) {
        String pipeline = scope.filter.pipelineId() == null
                ? ""
                : " and d.stage_id in (select s.id from stage_facts s where s.tenant_id = :tenant and s.pipeline_id = :pipeline)";
        String team = scope.filter.teamId() == null ? "" : " and d.team_id = :team";
        String owner = scope.filter.ownerId() == null ? "" : " and d.owner_id = :owner";
        Map<Long, Flow> flows = new HashMap<>();
        jdbc.sql("""
                select d.stage_id, sum(d.entered), sum(d.exited), sum(d.exited_forward), sum(d.seconds_in_stage)
                from stage_flow_facts d
                where d.tenant_id = :tenant and d.day >= :fromDay and d.day <= :toDay
                """ + pipeline + team + owner + " group by d.stage_id")
                .params(scope.params)
                .query((rs, n) -> new Flow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getDouble(5)))
                .list()
                .forEach(f -> flows.put(f.stageId(), f));
        return flows;
    }

    boolean pipelineExists(long id) {
        return jdbc.sql("select count(*) from pipeline_facts where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    record StageRow(long id, long pipelineId, String name, String kind, int position) {}

    List<StageRow> stages(Long pipelineId) {
        return jdbc.sql("select id, pipeline_id, name, kind, position from stage_facts"
                        + (pipelineId == null ? "" : " where pipeline_id = :pipeline")
                        + " order by pipeline_id, position, id")
                .params(pipelineId == null ? Map.of() : Map.of("pipeline", pipelineId))
                .query(DealFigures::stage)
                .list();
    }

    private static StageRow stage(ResultSet rs, int n) throws SQLException {
        return new StageRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5));
    }

    /** Close reasons' labels by outcome and code. */
    Map<String, String> reasonLabels() {
        Map<String, String> labels = new HashMap<>();
        jdbc.sql("select outcome, code, label from close_reason_facts").query(rs -> {
            labels.put(rs.getString(1) + ":" + rs.getString(2), rs.getString(3));
        });
        return labels;
    }
}
