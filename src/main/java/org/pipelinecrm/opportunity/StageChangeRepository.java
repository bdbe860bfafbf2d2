package org.pipelinecrm.opportunity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageChangeRepository extends JpaRepository<StageChange, Long> {

    List<StageChange> findAllByOpportunityIdOrderByChangedAtAscIdAsc(long opportunityId);

    Optional<StageChange> findFirstByOpportunityIdOrderByChangedAtDescIdDesc(long opportunityId);

    List<StageChange> findByOpportunityIdOrderByChangedAtDescIdDesc(
            long opportunityId, org.springframework.data.domain.Pageable page);
}
