package org.pipelinecrm.lead;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * What a person types about a lead (API body, page form, import row); {@code customFields} are the values of the
 * workspace's custom fields for leads, by key (left out: none given).
 */
public record LeadDetails(
        @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @Email @Size(max = 254) String email,
        @Size(max = 50) String phone,
        @Size(max = 200) String company,
        @Size(max = 120) String title,
        @Size(max = 120) String industry,
        @Size(max = 120) String country,
        @Min(0) Integer companySize,
        @DecimalMin("0") BigDecimal annualRevenue,
        @Size(max = 120) String source,
        LeadType type,
        Long ownerId,
        Long teamId,
        @Size(max = 120) String externalId,
        java.util.Map<String, Object> customFields) {

    /** Details without custom field values (null: the caller does not give any, so none are checked). */
    public LeadDetails(
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
            Long ownerId,
            Long teamId,
            String externalId) {
        this(
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
                ownerId,
                teamId,
                externalId,
                null);
    }

    /** The same details with these custom field values. */
    public LeadDetails withCustomFields(java.util.Map<String, Object> values) {
        return new LeadDetails(
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
                ownerId,
                teamId,
                externalId,
                values);
    }

    /** This with every field of {@code patch} that is set laid over it. */
    public LeadDetails with(LeadDetails patch) {
        return new LeadDetails(
                or(patch.firstName, firstName),
                or(patch.lastName, lastName),
                or(patch.email, email),
                or(patch.phone, phone),
                or(patch.company, company),
                or(patch.title, title),
                or(patch.industry, industry),
                or(patch.country, country),
                or(patch.companySize, companySize),
                or(patch.annualRevenue, annualRevenue),
                or(patch.source, source),
                or(patch.type, type),
                or(patch.ownerId, ownerId),
                or(patch.teamId, teamId),
                or(patch.externalId, externalId),
                or(patch.customFields, customFields));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
