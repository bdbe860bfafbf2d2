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
        long version) {}
