package org.pipelinecrm.activity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.database.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every activity and task the acting person may see (activities by their record's rules, tasks also when they are
 * its assignee or creator or see the whole workspace), read through a cursor a batch at a time for exports of any
 * size. A record filter that names a record one may not see is not found, as in the lists.
 */
@Service
@Transactional(readOnly = true)
public class ActivityExport {

    private final EntityManager em;
    private final LinkedRecords records;

    ActivityExport(EntityManager em, LinkedRecords records) {
        this.em = em;
        this.records = records;
    }

    /** A record filter must name a record {@code by} may see; otherwise it is not found. */
    public void checkRecord(RecordType recordType, Long recordId, Actor by) {
        if (recordType != null && recordId != null) {
            records.require(recordType, recordId, by);
        }
    }

    public void forEachActivityBatch(
            RecordType recordType, Long recordId, ActivityKind kind, Actor by, Consumer<List<ActivityView>> each) {
        if (recordType != null && recordId != null) {
            records.require(recordType, recordId, by);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Activity> query = cb.createQuery(Activity.class);
        Root<Activity> root = query.from(Activity.class);
        List<Predicate> where = new ArrayList<>();
        if (recordType != null) {
            where.add(cb.equal(root.get("recordType"), recordType));
        }
        if (recordId != null) {
            where.add(cb.equal(root.get("recordId"), recordId));
        }
        if (kind != null) {
            where.add(cb.equal(root.get("kind"), kind));
        }
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.asc(root.get("id")));
        Cursor.forEachBatch(em, query, batch -> {
            Map<String, RecordRef> seen = records.visible(
                    batch.stream()
                            .map(a -> new RecordRef(a.getRecordType(), a.getRecordId(), null, null, false))
                            .toList(),
                    by);
            each.accept(batch.stream()
                    .filter(a -> seen.containsKey(LinkedRecords.key(a.getRecordType(), a.getRecordId())))
                    .map(Activity::toView)
                    .toList());
        });
    }

    /** {@code mine}: only the open tasks of {@code me}, as My tasks lists them. */
    public void forEachTaskBatch(
            RecordType recordType, Long recordId, boolean mine, Actor me, Consumer<List<TaskView>> each) {
        if (recordType != null && recordId != null) {
            records.require(recordType, recordId, me);
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<SalesTask> query = cb.createQuery(SalesTask.class);
        Root<SalesTask> root = query.from(SalesTask.class);
        List<Predicate> where = new ArrayList<>();
        if (recordType != null) {
            where.add(cb.equal(root.get("recordType"), recordType));
        }
        if (recordId != null) {
            where.add(cb.equal(root.get("recordId"), recordId));
        }
        if (mine) {
            where.add(cb.equal(root.get("assigneeId"), me.id()));
            where.add(cb.isNull(root.get("completedAt")));
        }
        query.where(where.toArray(Predicate[]::new)).orderBy(cb.asc(root.get("id")));
        Cursor.forEachBatch(em, query, batch -> {
            Map<String, RecordRef> seen = me.seesWholeWorkspace()
                    ? Map.of()
                    : records.visible(
                            batch.stream()
                                    .filter(t -> t.getRecordType() != null)
                                    .map(t -> new RecordRef(t.getRecordType(), t.getRecordId(), null, null, false))
                                    .toList(),
                            me);
            each.accept(batch.stream()
                    .filter(t -> me.seesWholeWorkspace()
                            || t.concerns(me.id())
                            || (t.getRecordType() != null
                                    && seen.containsKey(LinkedRecords.key(t.getRecordType(), t.getRecordId()))))
                    .map(SalesTask::toView)
                    .toList());
        });
    }
}
