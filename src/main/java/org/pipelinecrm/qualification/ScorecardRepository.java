package org.pipelinecrm.qualification;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScorecardRepository extends JpaRepository<Scorecard, Long> {

    Optional<Scorecard> findByLeadId(long leadId);
}
