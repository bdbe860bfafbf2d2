package org.pipelinecrm.lead;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface LeadEventRepository extends JpaRepository<LeadEvent, Long> {

    List<LeadEvent> findByLeadIdOrderByOccurredAtDesc(long leadId);

    List<LeadEvent> findByLeadIdIn(java.util.Collection<Long> leadIds);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("update LeadEvent e set e.leadId = ?2 where e.leadId = ?1")
    int moveAll(long fromLeadId, long toLeadId);
}
