package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The board's deals as a list: the same filter, one page sorted by a column that has its own index (so a page
 * costs the same in a pipeline of a million deals), and the totals from the board's kept stage totals rather than
 * a sum over the matching rows.
 */
@Service
@Transactional(readOnly = true)
public class DealList {

    public static final int PAGE_SIZE = 50;

    /** Sortable columns, each backed by a partial index on the open deals of a pipeline (V77). */
    public enum Sort {
        NAME("o.name", "name"),
        AMOUNT("o.amount", "amount"),
        CLOSE_DATE("o.expected_close_date", "expectedCloseDate"),
        IN_STAGE_SINCE("o.stage_entered_at", "stageEnteredAt");

        private final String column;
        private final String property;

        Sort(String column, String property) {
            this.column = column;
            this.property = property;
        }

        /** Whether a deal may have no value here (no amount, no close date). */
        boolean nullable() {
            return this == AMOUNT || this == CLOSE_DATE;
        }

        /** The deal's field of this column, for a JPA sort. */
        String property() {
            return property;
        }

        public static Sort of(String value) {
            if (value == null || value.isBlank()) {
                return IN_STAGE_SINCE;
            }
            try {
                return valueOf(value.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(
                        "sort",
                        "problem.field.one-of",
                        "sort is one of name, amount, close-date, in-stage-since",
                        "name, amount, close-date, in-stage-since");
            }
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final JdbcClient jdbc;
    private final Board board;
    private final Pipelines pipelines;
    private final People people;

    DealList(JdbcClient jdbc, Board board, Pipelines pipelines, People people) {
        this.jdbc = jdbc;
        this.board = board;
        this.pipelines = pipelines;
        this.people = people;
    }

    /** Count, amount and weighted amount of all the open deals the filter shows: the board's column totals summed. */
    public Totals totals(BoardFilter filter) {
        Map<Long, BoardColumn.Totals> byStage = board.totals(filter);
        return new Totals(
                byStage.values().stream().mapToLong(BoardColumn.Totals::count).sum(),
                byStage.values().stream().map(BoardColumn.Totals::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                byStage.values().stream()
                        .map(BoardColumn.Totals::weightedAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** One page (from 0) of the open deals the filter shows, sorted, with the totals of all of them. */
    public Page page(BoardFilter filter, Sort sort, boolean ascending, int page) {
        PipelineView pipeline = pipelines.pipeline(filter.pipelineId());
        Totals totals = totals(filter);
        long count = totals.count();
        BigDecimal amount = totals.amount();
        BigDecimal weighted = totals.weightedAmount();
        int pages = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        int index = Math.max(0, Math.min(page, pages - 1));
        Map<String, Object> params = new HashMap<>();
        String direction = ascending ? " asc" : " desc";
        // a deal without an amount or a close date comes last either way (V112 indexes that descending order)
        String nullsLast = ascending || !sort.nullable() ? "" : " nulls last";
        String sql = "select o.id, o.name, o.account_id, a.name account_name, o.amount, o.owner_id, o.stage_id, "
                + "o.probability, o.expected_close_date, o.stage_entered_at, o.forecast_category, "
                + "o.forecast_category_overridden, o.version from opportunity o "
                + "left join account_facts a on a.tenant_id = o.tenant_id and a.id = o.account_id where "
                + Board.where(filter, params) + " order by " + sort.column + direction + nullsLast + ", o.id"
                + direction
                + " limit " + PAGE_SIZE + " offset " + ((long) index * PAGE_SIZE);
        Map<Long, String> owners = people.userNames();
        Map<Long, String> stages = new HashMap<>();
        pipeline.stages().forEach(s -> stages.put(s.id(), s.name()));
        Instant now = Instant.now();
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, i) -> {
                    long accountId = rs.getLong("account_id");
                    Long account = rs.wasNull() ? null : accountId;
                    Instant entered = rs.getTimestamp("stage_entered_at").toInstant();
                    java.sql.Date close = rs.getDate("expected_close_date");
                    return new Row(
                            rs.getLong("id"),
                            rs.getString("name"),
                            account,
                            rs.getString("account_name"),
                            rs.getBigDecimal("amount"),
                            owners.get(rs.getLong("owner_id")),
                            rs.getLong("stage_id"),
                            stages.get(rs.getLong("stage_id")),
                            rs.getInt("probability"),
                            close == null ? null : close.toLocalDate(),
                            Duration.between(entered, now).toDays(),
                            rs.getString("forecast_category"),
                            rs.getBoolean("forecast_category_overridden"),
                            rs.getLong("version"));
                })
                .list();
        return new Page(rows, index, pages, count, amount, weighted);
    }

    public record Row(
            long id,
            String name,
            Long accountId,
            String accountName,
            BigDecimal amount,
            String ownerName,
            long stageId,
            String stageName,
            int probability,
            LocalDate expectedCloseDate,
            long daysInStage,
            String forecastCategory,
            boolean forecastCategoryOverridden,
            long version) {}

    public record Totals(long count, BigDecimal amount, BigDecimal weightedAmount) {}

    /** A page of rows and the totals of every row the filter shows. */
    public record Page(List<Row> rows, int page, int pages, long count, BigDecimal amount, BigDecimal weightedAmount) {}
}
