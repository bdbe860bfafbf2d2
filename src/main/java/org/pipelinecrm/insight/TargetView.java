package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.time.LocalDate;

public record TargetView(
        long id,
        LocalDate periodStart,
        LocalDate periodEnd,
        BigDecimal amount,
        Long ownerId,
        Long teamId,
        long version) {}
