package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.pipelinecrm.pipeline.StageKind;

/**
 * An opportunity as the API and pages show it. {@code amount} is in the workspace currency; {@code customFields}
 * holds the values of the workspace's active custom fields for deals, by key; {@code forecastCategory} is where the
 * deal counts in the forecast ({@code CLOSED} when won), {@code forecastCategoryOverridden} whether its owner chose
 * it rather than its stage.
 */
public record OpportunityView(
        long id,
        String name,
        long pipelineId,
        long stageId,
        StageKind status,
        BigDecimal amount,
        int probability,
        LocalDate expectedCloseDate,
        long ownerId,
        String ownerName,
        Long teamId,
        String source,
        String industry,
        String nextStep,
        Long accountId,
        String accountName,
        Long contactId,
        Instant openedAt,
        Instant closedAt,
        String closeReason,
        String closeNote,
        Instant stageEnteredAt,
        Instant lastActivityAt,
        long version,
        Long sourceLeadId,
        Instant convertedAt,
        Map<String, Object> customFields,
        ForecastCategory forecastCategory,
        boolean forecastCategoryOverridden) {

    /** The same deal with its account and owner named. */
    OpportunityView named(String account, String owner) {
        return new OpportunityView(
                id,
                name,
                pipelineId,
                stageId,
                status,
                amount,
                probability,
                expectedCloseDate,
                ownerId,
                owner,
                teamId,
                source,
                industry,
                nextStep,
                accountId,
                account,
                contactId,
                openedAt,
                closedAt,
                closeReason,
                closeNote,
                stageEnteredAt,
                lastActivityAt,
                version,
                sourceLeadId,
                convertedAt,
                customFields,
                forecastCategory,
                forecastCategoryOverridden);
    }

    /** The same deal with the values of its active custom fields. */
    OpportunityView withCustomFields(Map<String, Object> values) {
        return new OpportunityView(
                id,
                name,
                pipelineId,
                stageId,
                status,
                amount,
                probability,
                expectedCloseDate,
                ownerId,
                ownerName,
                teamId,
                source,
                industry,
                nextStep,
                accountId,
                accountName,
                contactId,
                openedAt,
                closedAt,
                closeReason,
                closeNote,
                stageEnteredAt,
                lastActivityAt,
                version,
                sourceLeadId,
                convertedAt,
                values,
                forecastCategory,
                forecastCategoryOverridden);
    }
}
