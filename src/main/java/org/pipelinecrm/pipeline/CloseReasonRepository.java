package org.pipelinecrm.pipeline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CloseReasonRepository extends JpaRepository<CloseReason, Long> {

    List<CloseReason> findAllByOutcomeOrderByPositionAsc(StageKind outcome);

    boolean existsByOutcomeAndCode(StageKind outcome, String code);
}
