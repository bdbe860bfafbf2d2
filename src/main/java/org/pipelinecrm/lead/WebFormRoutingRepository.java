package org.pipelinecrm.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebFormRoutingRepository extends JpaRepository<WebFormRouting, Long> {

    Optional<WebFormRouting> findFirstBy();
}
