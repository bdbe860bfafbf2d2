package org.pipelinecrm.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import org.springframework.stereotype.Component;

/**
 * Token buckets by key (an address, an account, a form). Kept in memory: each app instance limits on
 * its own, which is enough to blunt guessing and floods.
 */
@Component
public class RateLimiter {

    private static final int MAX_KEYS = 100_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Takes one token; false when the key has used up its allowance for the period. */
    public boolean tryAcquire(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    /** True when the key has no tokens left, without taking one. */
    public boolean isExhausted(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).getAvailableTokens() <= 0;
    }

    private Bucket bucket(String key, int capacity, Duration period) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear(); // crude, but bounded: a flood of new keys cannot exhaust memory
        }
        return buckets.computeIfAbsent(key + "/" + capacity + "/" + period, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                .build());
    }
}
