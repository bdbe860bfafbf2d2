package org.pipelinecrm.lead;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

    List<TimelineEntry> findByLeadIdOrderByOccurredAtDescIdDesc(long leadId, Pageable limit);
}
