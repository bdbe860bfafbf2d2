package org.pipelinecrm.shared;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Token buckets by key (an address, a form), kept in PostgreSQL by Bucket4j: every app instance
 * shares one limit, and a flood of new keys only adds rows, which expire once their bucket is full
 * again, without touching anyone else's. Bucket4j works on its own pooled connection, so a caller's
 * transaction neither sees nor holds its row locks; the table is global, outside row-level security.
 */
@Component
public class RateLimiter {

    /** A bucket is dropped this long after it would be full again: an idle key costs nothing. */
    private static final Duration KEEP_WHEN_FULL = Duration.ofMinutes(1);

    private static final int REMOVE_BATCH = 1_000;

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimiter(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_WHEN_FULL))
                .build();
    }

    /** Takes one token; false when the key has used up its allowance for the period. */
    public boolean tryAcquire(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).tryConsume(1);
    }

    /** True when the key has no tokens left, without taking one. */
    public boolean isExhausted(String key, int capacity, Duration period) {
        return bucket(key, capacity, period).getAvailableTokens() <= 0;
    }

    /** Removes expired buckets; answers how many. */
    public int removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(REMOVE_BATCH);
            removed += batch;
        } while (batch == REMOVE_BATCH);
        return removed;
    }

    private BucketProxy bucket(String key, int capacity, Duration period) {
        // the limit is part of the key: a changed setting starts a fresh bucket instead of reading an old one
        return buckets.builder()
                .build(
                        key + "/" + capacity + "/" + period.toSeconds(),
                        () -> BucketConfiguration.builder()
                                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
                                .build());
    }
}
