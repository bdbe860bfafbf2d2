package org.pipelinecrm.lead;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How marketing's handoffs fare with sales over a period: each handoff in the timeline is paired with sales'
 * first answer after it (accepted or rejected), then counted by lead source and by the marketer who handed off.
 */
@Service
@Transactional(readOnly = true)
public class HandoffReport {

    private final JdbcClient jdbc;

    HandoffReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of the report; {@code medianHoursToAccept} is null when nothing was accepted. */
    public record Line(
            String key, long handedOff, long accepted, long rejected, long open, Double medianHoursToAccept) {}

    public record Reason(String reason, long rejected) {}

    public record Report(
            Instant from,
            Instant to,
            Line total,
            List<Line> bySource,
            List<Line> byMarketer,
            List<Reason> rejectedByReason) {}

    private static final String ANSWERS = """
            with handoff as (
              select t.lead_id, t.occurred_at as handed_at, t.actor_id as marketer, coalesce(l.source, '') as source
              from timeline_entry t join lead l on l.tenant_id = t.tenant_id and l.id = t.lead_id
              where t.kind = 'HANDED_OFF' and t.occurred_at >= :from and t.occurred_at < :to),
            answer as (
              select h.*, a.kind as outcome, a.detail, a.occurred_at as answered_at
              from handoff h left join lateral (
                select r.kind, r.detail, r.occurred_at from timeline_entry r
                where r.lead_id = h.lead_id and r.kind in ('ACCEPTED', 'REJECTED') and r.occurred_at >= h.handed_at
                order by r.occurred_at, r.id limit 1) a on true)
            """;

    private static final String LINE = """
            count(*), count(*) filter (where outcome = 'ACCEPTED'), count(*) filter (where outcome = 'REJECTED'),
            count(*) filter (where outcome is null),
            percentile_cont(0.5) within group (order by extract(epoch from answered_at - handed_at) / 3600)
              filter (where outcome = 'ACCEPTED')
            """;

    public Report report(Instant from, Instant to) {
        Line total = lines("'all'", from, to).stream().findFirst().orElse(new Line("all", 0, 0, 0, 0, null));
        List<Reason> reasons = jdbc.sql(ANSWERS + """
                select split_part(detail, ':', 1) as reason, count(*) from answer where outcome = 'REJECTED'
                group by 1 order by 2 desc, 1
                """)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Reason(rs.getString(1), rs.getLong(2)))
                .list();
        return new Report(
                from, to, total, lines("source", from, to), lines("coalesce(marketer::text, '')", from, to), reasons);
    }

    private List<Line> lines(String key, Instant from, Instant to) {
        return jdbc.sql(ANSWERS + "select " + key + " as key, " + LINE + " from answer group by 1 order by 2 desc, 1")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Line(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getObject(6) == null ? null : Math.round(rs.getDouble(6) * 10) / 10.0))
                .list();
    }
}
