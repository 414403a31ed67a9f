package org.autocrm.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServiceBreakersTest {

    private Instant now = Instant.parse("2026-11-22T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(2).minimumNumberOfCalls(2).waitDurationInOpenState(Duration.ofSeconds(30)).build());

    @Test
    void countsRetryAfterDownFromTheMomentTheBreakerOpened() {
        // configured ahead (like resilience4j.circuitbreaker.instances.*) and made on first use
        registry.circuitBreaker("kb-service");
        ServiceBreakers breakers = new ServiceBreakers(registry, clock);

        for (String service : new String[] {"kb-service", "ai-service"}) {
            CircuitBreaker breaker = breakers.of(service);
            breaker.onError(1, TimeUnit.MILLISECONDS, new IOException("refused"));
            breaker.onError(1, TimeUnit.MILLISECONDS, new IOException("refused"));
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        }
        now = now.plusSeconds(12);

        assertThat(breakers.untilHalfOpen("kb-service")).isEqualTo(Duration.ofSeconds(18));
        assertThat(breakers.untilHalfOpen("ai-service")).isEqualTo(Duration.ofSeconds(18));

        now = now.plusSeconds(60);
        assertThat(breakers.untilHalfOpen("ai-service")).isEqualTo(Duration.ofSeconds(1));
    }
}
