package org.pipelinecrm.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.scoring.Scorecard.Contribution;

/**
 * A lead as the API and pages show it; {@code timeline} only on the single-lead read; {@code customFields} holds the
 * values of the workspace's active custom fields for leads, by key.
 */
public record LeadView(
        long id,
        String firstName,
        String lastName,
        String email,
        String phone,
        String company,
        String title,
        String industry,
        String country,
        Integer companySize,
        BigDecimal annualRevenue,
        String source,
        LeadType type,
        LeadStatus status,
        Long ownerId,
        Long teamId,
        String externalId,
        int score,
        List<Contribution> scoreBreakdown,
        boolean salesReady,
        Instant handedOffAt,
        Long handedOffBy,
        String handoffNote,
        String reason,
        String reasonNote,
        Instant createdAt,
        long version,
        List<Entry> timeline,
        Instant qualifiedAt,
        Instant convertedAt,
        Long convertedAccountId,
        Long convertedContactId,
        Long convertedOpportunityId,
        java.util.Map<String, Object> customFields) {

    public record Entry(String kind, String detail, Long actorId, Instant occurredAt) {}

    /** Whether the lead may be handed off now, by the rules {@code Lead.handOff} checks. */
    public boolean canHandOff() {
        return status.canMoveTo(LeadStatus.HANDED_OFF) && type.goesToSales();
    }

    /** The same lead with the values of its active custom fields. */
    LeadView withCustomFields(java.util.Map<String, Object> values) {
        return new LeadView(
                id,
                firstName,
                lastName,
                email,
                phone,
                company,
                title,
                industry,
                country,
                companySize,
                annualRevenue,
                source,
                type,
                status,
                ownerId,
                teamId,
                externalId,
                score,
                scoreBreakdown,
                salesReady,
                handedOffAt,
                handedOffBy,
                handoffNote,
                reason,
                reasonNote,
                createdAt,
                version,
                timeline,
                qualifiedAt,
                convertedAt,
                convertedAccountId,
                convertedContactId,
                convertedOpportunityId,
                values);
    }

    public String name() {
        return firstName == null ? lastName : firstName + " " + lastName;
    }
}
