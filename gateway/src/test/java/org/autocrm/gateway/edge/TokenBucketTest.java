package org.autocrm.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final TokenBucket bucket = new TokenBucket(new RateLimitProperties.Limit(10, Duration.ofSeconds(60)), 0);

    @Test
    void allowsABurstUpToTheLimitThenTellsWhenTheNextRequestIsAllowed() {
        for (int remaining = 9; remaining >= 0; remaining--) {
            RateLimitDecision decision = bucket.take(0);
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.remaining()).isEqualTo(remaining);
        }

        RateLimitDecision refused = bucket.take(2 * SECOND);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        // one token every 6 s, 2 s of it already passed
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(EdgeRefusals.wholeSeconds(refused.reset())).isEqualTo(58);
    }

    @Test
    void refillsEvenlyOverTheWindowButNeverAboveTheLimit() {
        for (int i = 0; i < 10; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(6 * SECOND).allowed()).isTrue();
        assertThat(bucket.take(6 * SECOND).allowed()).isFalse();
        assertThat(bucket.take(3600 * SECOND).remaining()).isEqualTo(9);
    }

    @Test
    void roundsRetryAfterUpSoThatARetryIsNotRefusedAgain() {
        assertThat(EdgeRefusals.wholeSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(EdgeRefusals.wholeSeconds(Duration.ofMillis(4001))).isEqualTo(5);
        assertThat(EdgeRefusals.wholeSeconds(Duration.ofSeconds(4))).isEqualTo(4);
    }
}
