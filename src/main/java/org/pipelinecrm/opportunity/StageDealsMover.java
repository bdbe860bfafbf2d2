package org.pipelinecrm.opportunity;

import java.util.List;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.StageDeals;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties a stage that is about to be deleted: its deals move, in four statements whatever their number, each
 * with a stage change in its history and a new version (so an open board sees a conflict, not a silent change).
 * Only admins get here (the pipeline settings), and admins see every deal.
 */
@Component
class StageDealsMover implements StageDeals {

    private final JdbcClient jdbc;

    StageDealsMover(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public long countIn(long stageId) {
        return jdbc.sql("select count(*) from opportunity where stage_id = :stage")
                .param("stage", stageId)
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional
    public int moveAll(StageView from, StageView to) {
        long tenant = TenantContext.require();
        List<Long> deals = jdbc.sql(
                        "select id from opportunity where tenant_id = :tenant and stage_id = :from order by id for update")
                .param("tenant", tenant)
                .param("from", from.id())
                .query(Long.class)
                .list();
        if (deals.isEmpty()) {
            return 0;
        }
        // Ids drawn first (Hibernate's pooled ids take whole blocks of the sequence, so single nextval calls never
        // collide with them), rows through the workspace's row: on Citus the insert then runs on the workspace's
        // worker, where nextval could not.
        String changes = jdbc.sql("select '{' || string_agg(nextval('stage_change_seq')::text, ',') || '}' "
                        + "from generate_series(1, :n)")
                .param("n", deals.size())
                .query(String.class)
                .single();
        String dealIds = deals.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql(
                        "insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, "
                                + "changed_at) select w.id, c.id, c.deal, :from, :to, :by, now() from workspace_facts w, "
                                + "unnest(cast(:changes as bigint[]), cast(:deals as bigint[])) as c(id, deal) where w.id = :tenant")
                .param("from", from.id())
                .param("to", to.id())
                .param("by", CurrentUser.get().id())
                .param("changes", changes)
                .param("deals", dealIds)
                .param("tenant", tenant)
                .update();
        return jdbc.sql("update opportunity set stage_id = :to, stage_entered_at = now(), version = version + 1, "
                        + "probability = case when status = 'OPEN' then :probability else probability end, "
                        + "forecast_category = case when status <> 'OPEN' or forecast_category_overridden "
                        + "then forecast_category else :category end "
                        + "where tenant_id = :tenant and id = any (cast(:deals as bigint[]))")
                .param("to", to.id())
                .param("probability", to.probability())
                .param("category", to.forecastCategory().name())
                .param("tenant", tenant)
                .param("deals", dealIds)
                .update();
    }

    @Override
    @Transactional
    public int followCategory(StageView stage) {
        if (!stage.isOpen()) {
            return 0;
        }
        return jdbc.sql("update opportunity set forecast_category = :category where tenant_id = :tenant "
                        + "and stage_id = :stage and status = 'OPEN' and not forecast_category_overridden "
                        + "and forecast_category <> :category")
                .param("category", stage.forecastCategory().name())
                .param("tenant", TenantContext.require())
                .param("stage", stage.id())
                .update();
    }
}
