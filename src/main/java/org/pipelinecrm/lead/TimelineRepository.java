package org.pipelinecrm.lead;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByLeadIdOrderByOccurredAtDescIdDesc(long leadId, Pageable limit);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update TimelineEntry t set t.leadId = ?2 where t.leadId = ?1")
    int moveAll(long fromLeadId, long toLeadId);
}
