package org.pipelinecrm.pipeline;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;

interface PipelineRepository extends JpaRepository<Pipeline, Long> {

    List<Pipeline> findAllByOrderByIdAsc();

    /** Stage edits bump the pipeline's version: two admins editing stages at once cannot both win. */
    @Lock(LockModeType.OPTIMISTIC_FORCE_INCREMENT)
    Optional<Pipeline> findLockedById(long id);
}
