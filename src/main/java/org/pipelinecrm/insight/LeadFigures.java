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
    record Cohort(boolean total, String source, long leads, long mql, long sql, long converted, long won) {
    }

    List<Cohort> cohort(MetricsScope scope) {
        return jdbc.sql("""
                select grouping(l.source) = 1, l.source, count(*),
                       count(*) filter (where l.mql_at is not null or l.sql_at is not null or l.converted_at is not null),
                       count(*) filter (where l.sql_at is not null or l.converted_at is not null),
                       count(*) filter (where l.converted_at is not null),
                       count(*) filter (where o.status = 'WON')
                from lead l
                -- a lookup per converted lead (few), never a join over every deal
                left join lateral (select d.status from opportunity d
                                   where d.tenant_id = l.tenant_id and d.id = l.converted_opportunity_id) o
                       on l.converted_opportunity_id is not null
                where l.created_at >= :from and l.created_at < :to
                """ + scope.leads("l") + " group by grouping sets ((), (l.source))").params(scope.params)
                .query((rs, n) -> new Cohort(rs.getBoolean(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    long qualified(MetricsScope scope) {
        return jdbc.sql("select count(*) from lead l where l.qualified_at >= :from and l.qualified_at < :to"
                + scope.leads("l")).params(scope.params).query(Long.class).single();
    }
}
