package org.pipelinecrm.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SalesTaskRepository extends JpaRepository<SalesTask, Long> {

    Page<SalesTask> findByRecordTypeAndRecordIdOrderByDueAtDescIdDesc(RecordType type, long recordId, Pageable page);

    @Query("""
            select t from SalesTask t where t.assigneeId = :assignee and t.completedAt is null
            and t.dueAt >= :from and t.dueAt < :to
            order by t.dueAt, t.id""")
    List<SalesTask> openOf(long assignee, Instant from, Instant to);

    @Query("""
            select count(t) from SalesTask t where t.assigneeId = :assignee and t.completedAt is null
            and t.dueAt < :until""")
    long countOpenDueBefore(long assignee, Instant until);

    @Query("""
            select t from SalesTask t where t.recordType = :type and t.recordId in :ids and t.completedAt is null
            order by t.recordId, t.dueAt, t.id""")
    List<SalesTask> openOfRecords(RecordType type, Collection<Long> ids);

    /** Tasks of these records, newest first: a completed task sits at its completion, an open one at its due time. */
    @Query("""
            select t from SalesTask t where t.recordType = :type and t.recordId in :recordIds
            order by coalesce(t.completedAt, t.dueAt) desc, t.id desc""")
    List<SalesTask> newest(RecordType type, Collection<Long> recordIds, Pageable page);
}
