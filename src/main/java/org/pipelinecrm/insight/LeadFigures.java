package org.pipelinecrm.insight;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The figures about leads: the funnel of the leads created in the period, and qualified leads. */
@Component
class LeadFigures {

    private final JdbcClient jdbc;

    LeadFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A funnel row: the leads created in the period (of one source, or all when {@code source} is the
     * total) and how many of them reached each milestone since. A later milestone implies the earlier ones,
     * so a lead made SQL without being marked MQL first counts as MQL too.
     */
    record Cohort(boolean total, String source, long leads, long mql, long sql, long converted, long won) {}

    /** Read from {@code lead_cohort_facts}, the lead module's view of the rollup the database keeps per creation day, owner, team and source. */
    List<Cohort> cohort(MetricsScope scope) {
        return jdbc
                .sql("""
                select grouping(c.source) = 1, nullif(c.source, ''), coalesce(sum(c.leads), 0), coalesce(sum(c.mql), 0),
                       coalesce(sum(c.sql), 0), coalesce(sum(c.converted), 0), coalesce(sum(c.won), 0)
                from lead_cohort_facts c
                where c.day >= :fromDay and c.day <= :toDay
                """ + scope.leads("c") + " group by grouping sets ((), (c.source))")
                .params(scope.params)
                .query((rs, n) -> new Cohort(
                        rs.getBoolean(1),
                        rs.getString(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list()
                .stream()
                .filter(c -> c.total() || c.leads() != 0)
                .toList();
    }

    long qualified(MetricsScope scope) {
        return jdbc.sql("select count(*) from lead_facts l where l.qualified_at >= :from and l.qualified_at < :to"
                        + scope.leads("l"))
                .params(scope.params)
                .query(Long.class)
                .single();
    }
}
