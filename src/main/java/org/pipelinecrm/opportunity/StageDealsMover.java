package org.pipelinecrm.opportunity;

import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.StageDeals;
import org.pipelinecrm.pipeline.StageView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Empties a stage that is about to be deleted: its deals move, in two statements whatever their number, each
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
        // Hibernate's pooled ids take whole blocks of the sequence, so single nextval calls never collide with them.
        jdbc.sql("insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, "
                        + "changed_at) select tenant_id, nextval('stage_change_seq'), id, stage_id, :to, :by, now() "
                        + "from opportunity where stage_id = :from")
                .param("from", from.id())
                .param("to", to.id())
                .param("by", CurrentUser.get().id())
                .update();
        return jdbc.sql("update opportunity set stage_id = :to, stage_entered_at = now(), version = version + 1, "
                        + "probability = case when status = 'OPEN' then :probability else probability end "
                        + "where stage_id = :from")
                .param("from", from.id())
                .param("to", to.id())
                .param("probability", to.probability())
                .update();
    }
}
