package org.autocrm.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final AddressThrottle throttle = new AddressThrottle(new IdentityProperties(null, null, null, null, null,
            null, new IdentityProperties.AddressThrottle(3, Duration.ofMinutes(5)), false, null, null), clock);

    @Test
    void blocksAnAddressAfterItsFailuresUntilTheWindowEnds() {
        throttle.failed("203.0.113.7");
        throttle.failed("203.0.113.7");
        assertThat(throttle.blockedFor("203.0.113.7")).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        throttle.failed("203.0.113.7");

        assertThat(throttle.blockedFor("203.0.113.7")).contains(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("198.51.100.1")).as("other addresses").isEmpty();
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.blockedFor("203.0.113.7")).isEmpty();
    }

    @Test
    void failuresOfAnEndedWindowDoNotCountAgain() {
        throttle.failed("203.0.113.7");
        throttle.failed("203.0.113.7");
        clock.advance(Duration.ofMinutes(6));

        throttle.failed("203.0.113.7");

        assertThat(throttle.blockedFor("203.0.113.7")).isEmpty();
    }

    @Test
    void theDocumentedDefaultsAreTwentyPerFiveMinutesAndFiveFailuresForFifteenMinutes() {
        IdentityProperties defaults = new IdentityProperties(null, null, null, null, null, null, null, false, null, null);

        assertThat(defaults.addressThrottle()).isEqualTo(new IdentityProperties.AddressThrottle(20, Duration.ofMinutes(5)));
        assertThat(defaults.lockout()).isEqualTo(new IdentityProperties.Lockout(5, Duration.ofMinutes(15)));
        assertThat(defaults.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.apiKeyTokenTtl()).isEqualTo(Duration.ofMinutes(5));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
