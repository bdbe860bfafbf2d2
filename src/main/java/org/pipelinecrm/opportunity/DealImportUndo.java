package org.pipelinecrm.opportunity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pipelinecrm.activity.RecordTasks;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.importing.ImportLedger;
import org.pipelinecrm.importing.UndoableImportTarget.UndoResult;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The undo of history imports, in SQL so that the deals' triggers keep the board totals and the open and closed
 * rollups as for any delete or update. A deal import notes each deal it updated with its row before and the ids
 * of the stage changes it had then; a stage changes import notes each change it added with its deal. The stage
 * rollups by day cannot be subtracted (a change's exit time depends on the change before it), so after an undo
 * the workspace's day rollups are counted again, as when its time zone changes. Whether someone worked a deal it
 * made (an activity logged on it, a lead converted into it) is read from the views the activity and lead modules
 * publish; the tasks of the deals it deletes are deleted through the activity module, in the same transaction.
 */
@Component
class DealImportUndo {

    private final JdbcClient jdbc;
    private final RecordTasks tasks;

    DealImportUndo(JdbcClient jdbc, RecordTasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /** The deal as it is now, and its stage changes: what the undo of an update puts back. */
    String snapshot(long dealId) {
        return jdbc.sql("""
                        select json_build_object('row', row_to_json(o), 'changes',
                               (select coalesce(json_agg(c.id), '[]'::json) from stage_change c
                                 where c.tenant_id = o.tenant_id and c.opportunity_id = o.id))::text
                          from opportunity o where o.tenant_id = ? and o.id = ?
                        """)
                .params(TenantContext.require(), dealId)
                .query(String.class)
                .single();
    }

    /**
     * Deletes the deals the import created (their stage history, field edits and tasks with them) and puts back
     * the deals it updated, dropping the stage changes it added. A deal whose version moved on since the import,
     * or that someone logged an activity on or converted a lead into, is left alone.
     */
    UndoResult undoDeals(List<ImportLedger.Entry> entries) {
        long tenant = TenantContext.require();
        Map<Long, Long> versions =
                versions(entries.stream().map(ImportLedger.Entry::recordId).toList());
        Set<Long> worked = jdbc.sql("""
                        select converted_opportunity_id from lead_conversion_facts
                         where tenant_id = ? and converted_opportunity_id = any(?)
                        union
                        select record_id from activity_facts
                         where tenant_id = ? and record_type = 'OPPORTUNITY' and record_id = any(?)
                        """)
                .params(tenant, ids(versions.keySet()), tenant, ids(versions.keySet()))
                .query(Long.class)
                .set();
        List<Long> delete = new ArrayList<>();
        List<Long> leftAlone = new ArrayList<>();
        int undone = 0;
        for (ImportLedger.Entry entry : entries) {
            Long version = versions.get(entry.recordId());
            if (version == null) {
                continue; // gone already: nothing to undo
            }
            if (version != entry.version() || (entry.created() && worked.contains(entry.recordId()))) {
                leftAlone.add(entry.recordId());
                continue;
            }
            if (entry.created()) {
                delete.add(entry.recordId());
                undone++;
            } else if (restore(entry)) {
                undone++;
            } else {
                leftAlone.add(entry.recordId());
            }
        }
        if (!delete.isEmpty()) {
            Long[] gone = ids(delete);
            jdbc.sql("delete from stage_change where tenant_id = ? and opportunity_id = any(?)")
                    .params(tenant, gone)
                    .update();
            jdbc.sql("delete from deal_edit where tenant_id = ? and opportunity_id = any(?)")
                    .params(tenant, gone)
                    .update();
            tasks.deleteOf(RecordType.OPPORTUNITY, delete);
            jdbc.sql("delete from opportunity where tenant_id = ? and id = any(?)")
                    .params(tenant, gone)
                    .update();
        }
        return new UndoResult(undone, leftAlone);
    }

    /** The deal's row before the import, unless someone changed it meanwhile; the version moves on. */
    private boolean restore(ImportLedger.Entry entry) {
        long tenant = TenantContext.require();
        int restored = jdbc.sql("""
                        update opportunity o set name = r.name, pipeline_id = r.pipeline_id, stage_id = r.stage_id,
                               status = r.status, amount = r.amount, probability = r.probability,
                               expected_close_date = r.expected_close_date, owner_id = r.owner_id,
                               team_id = r.team_id, source = r.source, industry = r.industry,
                               account_id = r.account_id, contact_id = r.contact_id, opened_at = r.opened_at,
                               closed_at = r.closed_at, close_reason = r.close_reason, close_note = r.close_note,
                               stage_entered_at = r.stage_entered_at, external_id = r.external_id,
                               custom_fields = r.custom_fields, changed_by = r.changed_by,
                               changed_at = r.changed_at, version = o.version + 1
                          from json_populate_record(null::opportunity, (?::json)->'row') r
                         where o.tenant_id = ? and o.id = ? and o.version = ?
                        """)
                .params(entry.before(), tenant, entry.recordId(), entry.version())
                .update();
        if (restored == 0) {
            return false;
        }
        jdbc.sql("""
                        delete from stage_change where tenant_id = ? and opportunity_id = ?
                           and id not in (select json_array_elements_text((?::json)->'changes')::bigint)
                        """).params(tenant, entry.recordId(), entry.before()).update();
        return true;
    }

    /**
     * Deletes the stage changes a stage changes import added; those of a deal changed since the import are left
     * alone. A change that followed deleted ones (one or several in a row) comes again from the stage the deal
     * was in before them, and the deal's time in its present stage counts from its last remaining change into it.
     */
    UndoResult undoStageChanges(List<ImportLedger.Entry> entries) {
        long tenant = TenantContext.require();
        Map<Long, Long> dealOf = new HashMap<>();
        entries.forEach(e -> dealOf.put(e.recordId(), Long.valueOf(e.before())));
        Map<Long, Long> versions = versions(dealOf.values().stream().distinct().toList());
        List<Long> delete = new ArrayList<>();
        List<Long> leftAlone = new ArrayList<>();
        for (ImportLedger.Entry entry : entries) {
            Long version = versions.get(dealOf.get(entry.recordId()));
            if (version == null) {
                continue; // the deal is gone, and its history with it
            }
            if (version != entry.version()) {
                leftAlone.add(entry.recordId());
            } else {
                delete.add(entry.recordId());
            }
        }
        if (delete.isEmpty()) {
            return new UndoResult(0, leftAlone);
        }
        Long[] gone = ids(delete);
        // the change after deleted ones came from the last deleted change's stage: it comes from the stage the
        // first of that run came from again (the one the last change kept before them entered)
        jdbc.sql("""
                        with h as (
                          select c.id, c.opportunity_id, c.from_stage_id, c.to_stage_id, c.changed_at,
                                 c.id = any(?) as deleted,
                                 sum(case when c.id = any(?) then 0 else 1 end)
                                   over (partition by c.opportunity_id order by c.changed_at, c.id) as kept_so_far
                            from stage_change c
                           where c.tenant_id = ? and c.opportunity_id in
                                 (select g.opportunity_id from stage_change g where g.tenant_id = ? and g.id = any(?))),
                        runs as (
                          select opportunity_id, kept_so_far + 1 as next_kept,
                                 (array_agg(from_stage_id order by changed_at, id))[1] as run_from,
                                 (array_agg(to_stage_id order by changed_at desc, id desc))[1] as run_to
                            from h where deleted group by opportunity_id, kept_so_far),
                        relink as (
                          select h.id, r.run_from from h join runs r
                              on r.opportunity_id = h.opportunity_id and r.next_kept = h.kept_so_far
                           where not h.deleted and h.from_stage_id = r.run_to)
                        update stage_change n set from_stage_id = relink.run_from
                          from relink where n.tenant_id = ? and n.id = relink.id
                        """).params(gone, gone, tenant, tenant, gone, tenant).update();
        List<Long> deals = jdbc.sql(
                        "select distinct opportunity_id from stage_change where tenant_id = ? and id = any(?)")
                .params(tenant, gone)
                .query(Long.class)
                .list();
        jdbc.sql("delete from stage_change where tenant_id = ? and id = any(?)")
                .params(tenant, gone)
                .update();
        stageEnteredAgain(deals);
        return new UndoResult(delete.size(), leftAlone);
    }

    /**
     * When each deal entered its present stage, from its history: its last change into that stage, else its close
     * date, else its opened date. Not a change of the deal: the version stays.
     */
    void stageEnteredAgain(List<Long> deals) {
        if (deals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        update opportunity o set stage_entered_at = coalesce(
                               (select max(c.changed_at) from stage_change c where c.tenant_id = o.tenant_id
                                   and c.opportunity_id = o.id and c.to_stage_id = o.stage_id),
                               o.closed_at, o.opened_at)
                         where o.tenant_id = ? and o.id = any(?)
                        """).params(TenantContext.require(), ids(deals)).update();
    }

    /** Counts the workspace's day rollups (stage moves, closed deals, lead cohorts) again, under its lock. */
    void recountDays() {
        jdbc.sql("select recount_day_rollups(?)")
                .param(TenantContext.require())
                .query((rs, n) -> 1)
                .list();
    }

    private Map<Long, Long> versions(List<Long> deals) {
        return jdbc
                .sql("select id, version from opportunity where tenant_id = ? and id = any(?)")
                .params(TenantContext.require(), ids(deals))
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Long[] ids(java.util.Collection<Long> ids) {
        return ids.toArray(Long[]::new);
    }
}
