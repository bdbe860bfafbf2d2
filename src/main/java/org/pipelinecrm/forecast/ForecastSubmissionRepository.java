package org.pipelinecrm.forecast;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ForecastSubmissionRepository extends JpaRepository<ForecastSubmission, Long> {

    List<ForecastSubmission> findAllByPeriodStartAndPeriodEndOrderBySubmittedAtDescIdDesc(
            LocalDate periodStart, LocalDate periodEnd);

    List<ForecastSubmission> findAllByPeriodStartGreaterThanEqualAndPeriodEndLessThanEqualOrderBySubmittedAtDescIdDesc(
            LocalDate from, LocalDate to);
}
