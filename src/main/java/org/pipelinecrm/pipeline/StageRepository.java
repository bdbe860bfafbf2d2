package org.pipelinecrm.pipeline;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageRepository extends JpaRepository<Stage, Long> {

    List<Stage> findAllByPipelineIdOrderByPositionAsc(long pipelineId);

    List<Stage> findAllByOrderByPipelineIdAscPositionAsc();
}
