package org.pipelinecrm.activity;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities and tasks logged on one person's records (their leads or contacts), for a data-protection request,
 * and their erasure: subjects and task titles become "Erased", texts and outcomes are cleared; kind, time, duration
 * and author stay, so activity counts stay right.
 */
@Service
@Transactional(readOnly = true)
public class ActivityErasure {

    public static final String ERASED_TEXT = "Erased";

    private final EntityManager em;

    ActivityErasure(EntityManager em) {
        this.em = em;
    }

    public List<ActivityView> activitiesOf(RecordType type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "select a from Activity a where a.recordType = :type and a.recordId in :ids order by a.id",
                        Activity.class)
                .setParameter("type", type)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .map(Activity::toView)
                .toList();
    }

    public List<TaskView> tasksOf(RecordType type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em
                .createQuery(
                        "select t from SalesTask t where t.recordType = :type and t.recordId in :ids order by t.id",
                        SalesTask.class)
                .setParameter("type", type)
                .setParameter("ids", ids)
                .getResultList()
                .stream()
                .map(SalesTask::toView)
                .toList();
    }

    /** Erases the activities and tasks on these records; answers how many activities were erased. */
    @Transactional
    public int erase(RecordType type, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("""
                        update SalesTask t set t.title = :erased, t.version = t.version + 1
                        where t.recordType = :type and t.recordId in :ids""")
                .setParameter("erased", ERASED_TEXT)
                .setParameter("type", type)
                .setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("""
                        update Activity a set a.subject = :erased, a.body = null, a.outcome = null,
                        a.version = a.version + 1 where a.recordType = :type and a.recordId in :ids""")
                .setParameter("erased", ERASED_TEXT)
                .setParameter("type", type)
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
