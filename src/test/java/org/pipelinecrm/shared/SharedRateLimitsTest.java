package org.pipelinecrm.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Limits live in PostgreSQL: shared by every instance, and a flood of new keys resets nobody's. */
@IntegrationTest
class SharedRateLimitsTest {

    @Autowired
    RateLimiter limiter;

    @Autowired
    DataSource dataSource;

    @Test
    void aFloodOfDistinctKeysLeavesAnotherKeysExhaustedLimitExhausted() {
        String victim = "signup:flood-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire(victim, 3, Duration.ofHours(1))).isTrue();
        }
        assertThat(limiter.tryAcquire(victim, 3, Duration.ofHours(1))).isFalse();

        String flood = UUID.randomUUID().toString();
        for (int i = 0; i < 3_000; i++) {
            limiter.tryAcquire("login-address:" + flood + "-" + i, 10, Duration.ofMinutes(15));
        }

        assertThat(limiter.isExhausted(victim, 3, Duration.ofHours(1))).isTrue();
        assertThat(limiter.tryAcquire(victim, 3, Duration.ofHours(1))).isFalse();
    }

    @Test
    void twoInstancesOnOneDatabaseShareALimit() {
        RateLimiter first = new RateLimiter(dataSource);
        RateLimiter second = new RateLimiter(dataSource);
        String key = "signup:203.0.113." + UUID.randomUUID();
        int admitted = 0;
        for (int i = 0; i < 12; i++) {
            if ((i % 2 == 0 ? first : second).tryAcquire(key, 10, Duration.ofHours(1))) {
                admitted++;
            }
        }
        assertThat(admitted).isEqualTo(10);
        assertThat(first.isExhausted(key, 10, Duration.ofHours(1))).isTrue();
    }
}
