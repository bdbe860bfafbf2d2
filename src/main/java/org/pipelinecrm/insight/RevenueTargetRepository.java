package org.pipelinecrm.insight;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RevenueTargetRepository extends JpaRepository<RevenueTarget, Long> {

    List<RevenueTarget> findByPeriodEndGreaterThanEqualOrderByPeriodStartAscIdAsc(LocalDate from);

    List<RevenueTarget> findAllByOrderByPeriodStartDescIdAsc();
}
