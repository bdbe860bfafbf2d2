package org.pipelinecrm.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent to one subscription: {@code status} PENDING (waiting or retrying), DELIVERED or FAILED (given up
 * after 24 hours), with each attempt made, newest first.
 */
public record DeliveryView(
        long id,
        UUID eventId,
        String type,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant deliveredAt,
        List<Attempt> attemptLog) {

    /** {@code statusCode} is the receiver's answer, null when none came ({@code error} says why). */
    public record Attempt(Instant at, Integer statusCode, String error, int durationMs) {}
}
