package org.pipelinecrm.opportunity;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardViewRepository extends JpaRepository<BoardView, Long> {

    List<BoardView> findByUserIdOrderByNameAscIdAsc(long userId);

    Optional<BoardView> findByUserIdAndNameIgnoreCase(long userId, String name);

    Optional<BoardView> findByIdAndUserId(long id, long userId);

    long countByUserId(long userId);
}
