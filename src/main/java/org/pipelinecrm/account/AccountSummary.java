package org.pipelinecrm.account;

import java.math.BigDecimal;

public record AccountSummary(
        long id,
        String name,
        String domain,
        String industry,
        String size,
        BigDecimal annualRevenue,
        String country,
        long contactCount,
        long version,
        java.util.Map<String, Object> customFields) {

    /** The same account with the values of its active custom fields. */
    AccountSummary withCustomFields(java.util.Map<String, Object> values) {
        return new AccountSummary(
                id, name, domain, industry, size, annualRevenue, country, contactCount, version, values);
    }
}
