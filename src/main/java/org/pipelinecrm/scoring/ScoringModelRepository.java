package org.pipelinecrm.scoring;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoringModelRepository extends JpaRepository<ScoringModel, Long> {

    // Row-level security leaves only the current workspace's model.
    Optional<ScoringModel> findFirstBy();
}
