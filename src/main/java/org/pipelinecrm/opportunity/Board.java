package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.opportunity.BoardColumn.Card;
import org.pipelinecrm.opportunity.BoardColumn.NextStep;
import org.pipelinecrm.opportunity.BoardColumn.Totals;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Kanban board, read straight from SQL: column totals from the trigger-kept stage totals, each column's
 * cards by a keyset page on the board index (newest in stage first), so a column of a million deals costs the same
 * as a column of twenty; the cards' next steps come from one more query for the whole page. Row-level security
 * keeps every query inside the workspace.
 */
@Service
@Transactional(readOnly = true)
public class Board {

    public static final int MAX_PER_STAGE = 100;

    /** A board with at most this many deals matching a custom field filter reads its cards from the values. */
    static final int FEW_MATCHES = 1000;

    private final JdbcClient jdbc;
    private final Pipelines pipelines;
    private final People people;
    private final Tasks tasks;

    Board(JdbcClient jdbc, Pipelines pipelines, People people, Tasks tasks) {
        this.jdbc = jdbc;
        this.pipelines = pipelines;
        this.people = people;
        this.tasks = tasks;
    }

    /** Every open stage of the pipeline with its totals and first page of cards. */
    public List<BoardColumn> columns(BoardFilter filter, int perStage) {
        PipelineView pipeline = pipelines.pipeline(filter.pipelineId());
        Map<Long, Totals> totals = totals(filter);
        Map<Long, String> owners = people.userNames();
        long matching = totals.values().stream().mapToLong(Totals::count).sum();
        List<BoardColumn> columns = new ArrayList<>();
        for (StageView stage : pipeline.openStages()) {
            columns.add(column(stage, totals.get(stage.id()), matching, filter, null, perStage, owners));
        }
        return withNextSteps(columns);
    }

    /** The next page of one column, after the cursor the previous page gave. */
    public BoardColumn page(BoardFilter filter, long stageId, String cursor, int perStage) {
        StageView stage = pipelines.stage(stageId);
        if (stage.pipelineId() != filter.pipelineId()) {
            throw new org.pipelinecrm.shared.NotFoundException("Stage", stageId);
        }
        Totals column = totals(filter, stageId).get(stageId);
        return withNextSteps(List.of(column(
                        stage,
                        column,
                        column == null ? 0 : column.count(),
                        filter,
                        cursor,
                        perStage,
                        people.userNames())))
                .get(0);
    }

    /** Every card's next step, read for all the cards of the page at once rather than card by card. */
    private List<BoardColumn> withNextSteps(List<BoardColumn> columns) {
        List<Long> deals =
                columns.stream().flatMap(c -> c.items().stream()).map(Card::id).toList();
        Map<Long, NextStep> steps = new HashMap<>();
        tasks.nextOpenTasks(RecordType.OPPORTUNITY, deals)
                .forEach((deal, step) ->
                        steps.put(deal, new NextStep(step.taskId(), step.title(), step.dueAt(), step.overdue())));
        return columns.stream().map(c -> c.withNextSteps(steps)).toList();
    }

    /** Count, amount and probability-weighted amount of every open column, in one aggregate. */
    public Map<Long, Totals> totals(BoardFilter filter) {
        return totals(filter, null);
    }

    /**
     * Totals of one column only (stageId given) or of all: "load more" must not sum the whole pipeline again.
     * Read from the trigger-kept {@code stage_total} rows (a few per stage and owner), so the cost does not grow
     * with the number of deals; a text search or a custom field filter cannot be answered from them and sums the matching deals instead.
     */
    private Map<Long, Totals> totals(BoardFilter filter, Long stageId) {
        Map<String, Object> params = new HashMap<>();
        String sql;
        if (filter.narrowsDeals()) {
            // the sums read every matching deal: start from the matching values rather than the pipeline's deals
            String where = standardWhere(filter, params) + filter.fields().idsSql("o", params);
            if (stageId != null) {
                where += " and o.stage_id = :stageId";
            }
            sql = "select stage_id, count(*) n, coalesce(sum(amount), 0) amount, "
                    + "coalesce(sum(amount * probability), 0) amount_x_prob from opportunity o where " + where
                    + " group by stage_id";
        } else {
            StringBuilder where = new StringBuilder("t.pipeline_id = :pipelineId");
            params.put("pipelineId", filter.pipelineId());
            if (stageId != null) {
                where.append(" and t.stage_id = :stageId");
            }
            if (filter.ownerId() != null) {
                where.append(" and t.owner_id = :ownerId");
                params.put("ownerId", filter.ownerId());
            }
            if (filter.teamId() != null) {
                where.append(" and t.team_key = :teamId");
                params.put("teamId", filter.teamId());
            }
            where.append(DealScope.sql(CurrentUser.get(), "t.owner_id", "t.team_key", params));
            sql = "select stage_id, sum(deals) n, sum(amount) amount, sum(amount_x_prob) amount_x_prob "
                    + "from stage_total t where " + where + " group by stage_id";
        }
        if (stageId != null) {
            params.put("stageId", stageId);
        }
        Map<Long, Totals> totals = new HashMap<>();
        jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> new Totals(
                        rs.getLong("stage_id"),
                        rs.getLong("n"),
                        rs.getBigDecimal("amount").setScale(2, RoundingMode.HALF_UP),
                        rs.getBigDecimal("amount_x_prob").movePointLeft(2).setScale(2, RoundingMode.HALF_UP)))
                .list()
                .forEach(t -> totals.put(t.stageId(), t));
        return totals;
    }

    /** One column's cards; {@code matching}: how many deals of the board (or of the column) the filter shows. */
    private BoardColumn column(
            StageView stage,
            Totals totals,
            long matching,
            BoardFilter filter,
            String cursor,
            int perStage,
            Map<Long, String> owners) {
        int limit = Math.max(1, Math.min(perStage, MAX_PER_STAGE));
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select o.id, o.name, o.account_id, a.name account_name, o.amount, "
                        + "o.owner_id, o.probability, o.stage_entered_at, o.last_activity_at, o.version, "
                        + "o.forecast_category, o.forecast_category_overridden from opportunity o "
                        + "left join account_facts a on a.tenant_id = o.tenant_id and a.id = o.account_id where ")
                .append(standardWhere(filter, params))
                .append(fieldsForCards(filter, matching, params))
                .append(" and o.stage_id = :stageId");
        params.put("stageId", stage.id());
        if (cursor != null && !cursor.isBlank()) {
            // a cursor is "<micros>_<id>" as the previous page gave it; anything else names the parameter
            if (!cursor.matches("-?\\d{1,16}_\\d{1,18}")) {
                throw new org.pipelinecrm.shared.InvalidInputException(
                        "cursor", "problem.field.cursor", "cursor is not one the board gave");
            }
            String[] parts = cursor.split("_");
            long micros = Long.parseLong(parts[0]);
            params.put(
                    "afterAt",
                    Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000)
                            .atOffset(java.time.ZoneOffset.UTC));
            params.put("afterId", Long.parseLong(parts[1]));
            sql.append(" and (o.stage_entered_at, o.id) < (:afterAt, :afterId)");
        }
        sql.append(" order by o.stage_entered_at desc, o.id desc limit ").append(limit + 1);
        Instant now = Instant.now();
        List<Card> cards = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, i) -> {
                    Instant entered = rs.getTimestamp("stage_entered_at").toInstant();
                    Timestamp activity = rs.getTimestamp("last_activity_at");
                    Instant lastTouch =
                            activity != null && activity.toInstant().isAfter(entered) ? activity.toInstant() : entered;
                    boolean rotting = stage.rottingDays() != null
                            && Duration.between(lastTouch, now).toDays() >= stage.rottingDays();
                    long accountId = rs.getLong("account_id");
                    return new Card(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.wasNull() ? null : accountId,
                            rs.getString("account_name"),
                            rs.getBigDecimal("amount"),
                            rs.getLong("owner_id"),
                            owners.get(rs.getLong("owner_id")),
                            rs.getInt("probability"),
                            entered,
                            Duration.between(entered, now).toDays(),
                            rotting,
                            rs.getLong("version"),
                            null,
                            org.pipelinecrm.pipeline.ForecastCategory.valueOf(rs.getString("forecast_category")),
                            rs.getBoolean("forecast_category_overridden"));
                })
                .list();
        String next = null;
        if (cards.size() > limit) {
            cards = cards.subList(0, limit);
            Card last = cards.get(limit - 1);
            Instant at = last.stageEnteredAt();
            next = (at.getEpochSecond() * 1_000_000L + at.getNano() / 1000) + "_" + last.id();
        }
        Totals t = totals != null ? totals : new Totals(stage.id(), 0, BigDecimal.ZERO, BigDecimal.ZERO);
        return new BoardColumn(
                stage.id(),
                stage.name(),
                stage.kind(),
                t.count(),
                t.amount(),
                t.weightedAmount(),
                stage.rottingDays(),
                cards,
                next);
    }

    /** The filter and the visibility rule as SQL on the deals themselves. */
    static String where(BoardFilter filter, Map<String, Object> params) {
        return standardWhere(filter, params) + filter.fields().sql("o", params);
    }

    /** As {@link #where} without the custom field filter, which the board's queries add in the shape they need. */
    private static String standardWhere(BoardFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("o.pipeline_id = :pipelineId and o.status = 'OPEN'");
        params.put("pipelineId", filter.pipelineId());
        if (filter.ownerId() != null) {
            where.append(" and o.owner_id = :ownerId");
            params.put("ownerId", filter.ownerId());
        }
        if (filter.teamId() != null) {
            where.append(" and o.team_id = :teamId");
            params.put("teamId", filter.teamId());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and o.name ilike :text");
            params.put(
                    "text",
                    "%"
                            + filter.text()
                                    .trim()
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_") + "%");
        }
        where.append(DealScope.sql(CurrentUser.get(), "o.owner_id", "o.team_id", params));
        return where.toString();
    }

    /**
     * The custom field filter of a column's cards. When many deals match, the cards are read in stage order from
     * the board index, each checked against its own value rows until the page is full; when few match (the
     * board's filtered count, or the column's for "load more", {@link #FEW_MATCHES} or fewer), they are read from
     * the matching values and sorted, rather than walking the whole column to find them.
     */
    private static String fieldsForCards(BoardFilter filter, long matching, Map<String, Object> params) {
        if (filter.fields().isEmpty()) {
            return "";
        }
        return matching <= FEW_MATCHES
                ? filter.fields().idsSql("o", params)
                : filter.fields().probeSql("o", params);
    }
}
