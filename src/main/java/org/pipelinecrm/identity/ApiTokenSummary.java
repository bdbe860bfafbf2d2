package org.pipelinecrm.identity;

import java.time.Instant;

public record ApiTokenSummary(long id, String name, Instant createdAt, Instant lastUsedAt) {}
