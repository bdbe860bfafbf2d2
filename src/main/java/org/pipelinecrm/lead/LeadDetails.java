package org.pipelinecrm.lead;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** What a person types about a lead (API body, page form, import row). */
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
        @Size(max = 120) String externalId) {

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
                or(patch.externalId, externalId));
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
