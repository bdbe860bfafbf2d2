package org.pipelinecrm.exporting;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PrivacyActionRepository extends JpaRepository<PrivacyAction, Long> {

    Page<PrivacyAction> findAllByOrderByOccurredAtDescIdDesc(Pageable page);
}
