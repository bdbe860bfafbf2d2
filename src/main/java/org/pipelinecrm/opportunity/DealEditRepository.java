package org.pipelinecrm.opportunity;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface DealEditRepository extends JpaRepository<DealEdit, Long> {

    List<DealEdit> findByOpportunityIdOrderByChangedAtDescIdDesc(long opportunityId, Pageable page);
}
