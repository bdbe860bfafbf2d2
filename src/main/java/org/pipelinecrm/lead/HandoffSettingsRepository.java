package org.pipelinecrm.lead;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface HandoffSettingsRepository extends JpaRepository<HandoffSettings, Long> {

    Optional<HandoffSettings> findFirstBy();
}
