package org.pipelinecrm.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.pipelinecrm.pipeline.ForecastCategory;

/** A deal behind a forecast figure, as it stands (and as a submission keeps it). */
public record ForecastDeal(
        long id,
        String name,
        long ownerId,
        BigDecimal amount,
        ForecastCategory category,
        boolean overridden,
        LocalDate expectedCloseDate,
        String stageName,
        int stageProbability) {}
