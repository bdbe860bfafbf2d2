package org.pipelinecrm.opportunity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageChangeRepository extends JpaRepository<StageChange, Long> {

    /** When the deal's first known stage change happened; null when it has none. */
    @org.springframework.data.jpa.repository.Query(
            "select min(c.changedAt) from StageChange c where c.opportunityId = ?1")
    java.time.Instant firstChange(long opportunityId);

    List<StageChange> findAllByOpportunityIdOrderByChangedAtAscIdAsc(long opportunityId);

    Optional<StageChange> findFirstByOpportunityIdOrderByChangedAtDescIdDesc(long opportunityId);

    List<StageChange> findByOpportunityIdOrderByChangedAtDescIdDesc(
            long opportunityId, org.springframework.data.domain.Pageable page);
}
