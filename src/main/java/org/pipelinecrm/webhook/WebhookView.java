package org.pipelinecrm.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** A subscription as the API shows it; {@code secret} only in the answer that created it. */
public record WebhookView(
        long id,
        String url,
        List<String> events,
        String description,
        String status,
        int failuresInRow,
        Instant createdAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {}
