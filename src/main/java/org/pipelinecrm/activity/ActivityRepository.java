package org.pipelinecrm.activity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ActivityRepository extends JpaRepository<Activity, Long> {

    Page<Activity> findByRecordTypeAndRecordIdOrderByOccurredAtDescIdDesc(
            RecordType type, long recordId, Pageable page);

    Page<Activity> findByRecordTypeAndRecordIdAndKindOrderByOccurredAtDescIdDesc(
            RecordType type, long recordId, ActivityKind kind, Pageable page);

    @org.springframework.data.jpa.repository.Query("""
            select a from Activity a where a.recordType = :type and a.recordId in :recordIds
            and (:kind is null or a.kind = :kind) order by a.occurredAt desc, a.id desc""")
    java.util.List<Activity> newest(
            RecordType type, java.util.Collection<Long> recordIds, ActivityKind kind, Pageable page);
}
