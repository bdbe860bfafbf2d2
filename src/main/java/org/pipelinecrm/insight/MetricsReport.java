package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every dashboard figure for one filter. Rates are shares between 0 and 1; amounts are in the workspace
 * currency; a figure that cannot be computed (nothing to divide by) is null.
 */
public record MetricsReport(
        LocalDate from,
        LocalDate to,
        Long pipelineId,
        Long teamId,
        Long ownerId,
        long qualifiedLeads,
        List<FunnelStep> funnel,
        BigDecimal leadConversionRate,
        BigDecimal mqlToSqlRate,
        long wonDeals,
        long lostDeals,
        BigDecimal winRate,
        BigDecimal wonAmount,
        BigDecimal averageDealSize,
        BigDecimal averageWonDealAgeDays,
        BigDecimal salesVelocity,
        OpenPipeline openPipeline,
        BigDecimal decisionMakerShare,
        BigDecimal target,
        BigDecimal remainingTarget,
        BigDecimal pipelineCoverage,
        Forecast forecast,
        List<ForecastMonth> forecastByMonth,
        long stalledDeals,
        BigDecimal stalledAmount,
        List<StageFigures> byStage,
        List<Breakdown> bySource,
        List<Breakdown> byIndustry,
        List<Breakdown> byOwner,
        List<Breakdown> byTeam,
        List<LeadSource> leadSources,
        List<Reason> lossReasons,
        List<Reason> winReasons,
        List<TrendMonth> trend,
        Comparison previous) {

    /** The coverage a healthy pipeline has: three times what is left to win. */
    public static final BigDecimal COVERAGE_GUIDELINE = BigDecimal.valueOf(3);

    /** A step of the lead funnel; {@code rate} is this step's count over the step before. */
    public record FunnelStep(String step, long count, BigDecimal rate) {}

    public record OpenPipeline(long count, BigDecimal amount, BigDecimal weightedAmount) {}

    public record Forecast(BigDecimal commit, BigDecimal bestCase, BigDecimal weighted) {}

    public record ForecastMonth(
            LocalDate start, LocalDate end, BigDecimal commit, BigDecimal bestCase, BigDecimal weighted) {}

    public record StageFigures(
            long stageId,
            long pipelineId,
            String name,
            String kind,
            int position,
            long openCount,
            BigDecimal openAmount,
            long entered,
            long exited,
            long movedForward,
            BigDecimal conversionRate,
            BigDecimal averageDaysInStage) {}

    /** Deals closed in the period that share a source, industry, owner or team. */
    public record Breakdown(String key, String label, long won, long lost, BigDecimal wonAmount, BigDecimal winRate) {}

    /** Leads created in the period that share a source, and how many became customers. */
    public record LeadSource(String source, long leads, long converted, long won, BigDecimal conversionRate) {}

    public record Reason(String code, String label, long count, BigDecimal amount) {}

    public record TrendMonth(LocalDate start, LocalDate end, long won, long lost, BigDecimal wonAmount) {}

    /** The headline figures of the period just before, to compare with. */
    public record Comparison(
            LocalDate from,
            LocalDate to,
            long qualifiedLeads,
            BigDecimal leadConversionRate,
            BigDecimal mqlToSqlRate,
            long wonDeals,
            BigDecimal winRate,
            BigDecimal wonAmount,
            BigDecimal averageDealSize,
            BigDecimal averageWonDealAgeDays) {}
}
