package org.pipelinecrm.winmodel;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the model learns from and scores, read through the views the opportunity, pipeline, activity and
 * qualification modules publish (their tables are theirs): one statement per call, never one per deal.
 */
@Component
class Signals {

    /** A deal's signals; for a closed deal {@code closingStageId} is the open stage it was closed from. */
    record Deal(
            long id,
            long pipelineId,
            long stageId,
            String status,
            BigDecimal amount,
            int probability,
            long ownerId,
            String source,
            String industry,
            Instant openedAt,
            Instant closedAt,
            Instant stageEnteredAt,
            Long closingStageId,
            Instant closingStageEnteredAt,
            int recentActivities,
            Map<String, String> qualification,
            Map<String, Object> customFields) {

        boolean won() {
            return "WON".equals(status);
        }

        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record Stage(long id, long pipelineId, String name, String kind, int probability) {}

    private static final String SELECT = """
            select d.id, d.pipeline_id, d.stage_id, d.status, d.amount, d.probability, d.owner_id, d.source,
                   d.industry, d.opened_at, d.closed_at, d.stage_entered_at, d.closed_from_stage_id,
                   d.closed_from_entered_at, d.custom_fields::text as custom_fields,
                   (select count(*) from activity_facts a
                    where a.tenant_id = d.tenant_id and a.record_type = 'OPPORTUNITY' and a.record_id = d.id
                      and a.occurred_at <= coalesce(d.closed_at, now())
                      and a.occurred_at > coalesce(d.closed_at, now()) - interval '14 days') as activities,
                   q.budget_status, q.authority_status, q.need_status, q.timeline_status,
                   q.organization_level, q.opportunity_level, q.stakeholder_level
            from deal_signal_facts d
            left join qualification_facts q on q.tenant_id = d.tenant_id and q.lead_id = d.source_lead_id
            """;

    private static final String[] QUALIFICATION = {
        "bant.BUDGET",
        "bant.AUTHORITY",
        "bant.NEED",
        "bant.TIMELINE",
        "level.ORGANIZATION",
        "level.OPPORTUNITY",
        "level.STAKEHOLDER"
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Signals(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Every closed deal of the workspace, oldest close first. */
    List<Deal> closed() {
        return jdbc.sql(SELECT + " where d.status <> 'OPEN' and d.closed_at is not null order by d.closed_at, d.id")
                .query(this::deal)
                .list();
    }

    /** These deals (those not found, or closed, are simply absent from the scores). */
    List<Deal> deals(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where d.id = any(:ids)")
                .param("ids", ids.toArray(Long[]::new))
                .query(this::deal)
                .list();
    }

    /** The open deals of a pipeline (or of every pipeline) with their amounts, for the weighted forecast. */
    List<Deal> open(Long pipelineId, Long ownerId, Long teamId) {
        String where = " where d.status = 'OPEN'" + (pipelineId == null ? "" : " and d.pipeline_id = :pipeline")
                + (ownerId == null ? "" : " and d.owner_id = :owner")
                + (teamId == null
                        ? ""
                        : " and d.owner_id in (select p.id from person_facts p where p.team_id = :team)");
        var spec = jdbc.sql(SELECT + where);
        if (pipelineId != null) {
            spec = spec.param("pipeline", pipelineId);
        }
        if (ownerId != null) {
            spec = spec.param("owner", ownerId);
        }
        if (teamId != null) {
            spec = spec.param("team", teamId);
        }
        return spec.query(this::deal).list();
    }

    Map<Long, Stage> stages() {
        Map<Long, Stage> stages = new HashMap<>();
        jdbc.sql("select id, pipeline_id, name, kind, probability from stage_facts")
                .query((rs, n) ->
                        new Stage(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list()
                .forEach(s -> stages.put(s.id(), s));
        return stages;
    }

    /** The usual (mean) days a deal spends in each stage before leaving it, from the stage flow rollup. */
    Map<Long, Double> usualDaysInStage() {
        Map<Long, Double> days = new HashMap<>();
        jdbc.sql("""
                        select stage_id, sum(seconds_in_stage) / 86400.0 / nullif(sum(exited), 0)
                        from stage_flow_facts group by stage_id having sum(exited) > 0
                        """)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getDouble(2)))
                .list()
                .forEach(e -> days.put(e.getKey(), e.getValue()));
        return days;
    }

    private Deal deal(ResultSet rs, int n) throws SQLException {
        Map<String, String> qualification = new HashMap<>();
        for (int i = 0; i < QUALIFICATION.length; i++) {
            String value = rs.getString(17 + i);
            if (value != null && !"UNKNOWN".equals(value)) {
                qualification.put(QUALIFICATION[i], value);
            }
        }
        String custom = rs.getString("custom_fields");
        Map<String, Object> customFields = custom == null || custom.equals("{}")
                ? Map.of()
                : json.readValue(custom, new TypeReference<Map<String, Object>>() {});
        return new Deal(
                rs.getLong("id"),
                rs.getLong("pipeline_id"),
                rs.getLong("stage_id"),
                rs.getString("status"),
                rs.getBigDecimal("amount"),
                rs.getInt("probability"),
                rs.getLong("owner_id"),
                rs.getString("source"),
                rs.getString("industry"),
                instant(rs, "opened_at"),
                instant(rs, "closed_at"),
                instant(rs, "stage_entered_at"),
                (Long) rs.getObject("closed_from_stage_id", Long.class),
                instant(rs, "closed_from_entered_at"),
                rs.getInt("activities"),
                qualification,
                customFields);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
