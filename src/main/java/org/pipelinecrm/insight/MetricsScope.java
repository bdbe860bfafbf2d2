package org.pipelinecrm.insight;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.pipelinecrm.tenant.TenantContext;

/**
 * The filter as SQL: conditions appended only for what was chosen, so each query keeps a plan that uses
 * its index (no "param is null or ..." branches). Every condition names the workspace, which leads every index.
 */
final class MetricsScope {

    final MetricsFilter filter;
    final Map<String, Object> params = new HashMap<>();

    /** Days start at midnight in the workspace's time zone, as the day rollups count them. */
    MetricsScope(MetricsFilter filter, ZoneId zone) {
        this.filter = filter;
        params.put("tenant", TenantContext.require());
        params.put("from", filter.from().atStartOfDay(zone).toOffsetDateTime());
        params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        params.put("fromDay", filter.from());
        params.put("toDay", filter.to());
        if (filter.pipelineId() != null) {
            params.put("pipeline", filter.pipelineId());
        }
        if (filter.teamId() != null) {
            params.put("team", filter.teamId());
        }
        if (filter.ownerId() != null) {
            params.put("owner", filter.ownerId());
        }
    }

    /** Pipeline, team and owner conditions on a deal table alias. */
    String deals(String alias) {
        StringBuilder sql = new StringBuilder(" and ").append(alias).append(".tenant_id = :tenant");
        if (filter.pipelineId() != null) {
            sql.append(" and ").append(alias).append(".pipeline_id = :pipeline");
        }
        return sql.append(people(alias)).toString();
    }

    /** Team and owner conditions (leads have no pipeline). */
    String people(String alias) {
        StringBuilder sql = new StringBuilder();
        if (filter.teamId() != null) {
            sql.append(" and ").append(alias).append(".team_id = :team");
        }
        if (filter.ownerId() != null) {
            sql.append(" and ").append(alias).append(".owner_id = :owner");
        }
        return sql.toString();
    }

    String leads(String alias) {
        return " and " + alias + ".tenant_id = :tenant" + people(alias);
    }

    /** A literal array of days for width_bucket; built from dates only, never from input text. */
    static String days(Iterable<LocalDate> days) {
        StringBuilder sql = new StringBuilder("array[");
        String sep = "";
        for (LocalDate day : days) {
            sql.append(sep).append('\'').append(day).append('\'');
            sep = ",";
        }
        return sql.append("]::date[]").toString();
    }
}
