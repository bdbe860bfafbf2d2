package org.pipelinecrm.lead;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface LeadEventRepository extends JpaRepository<LeadEvent, Long> {

    List<LeadEvent> findByLeadIdOrderByOccurredAtDesc(long leadId);

    List<LeadEvent> findByLeadIdIn(java.util.Collection<Long> leadIds);
}
