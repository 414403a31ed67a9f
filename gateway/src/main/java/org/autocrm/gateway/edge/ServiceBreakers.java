package org.autocrm.gateway.edge;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One resilience4j circuit breaker per downstream service (not per route: ticket-service is down for
 * all of its routes at once). Configured by the standard {@code resilience4j.circuitbreaker.configs.default}
 * and {@code resilience4j.circuitbreaker.instances.<service>} properties. Remembers when each breaker
 * opened, because resilience4j does not say how long it will stay open and Retry-After needs it.
 */
@Component
class ServiceBreakers {

    private final CircuitBreakerRegistry registry;
    private final Clock clock;
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();

    @Autowired
    ServiceBreakers(CircuitBreakerRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ServiceBreakers(CircuitBreakerRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        // breakers configured under instances.* exist already; the others are made on first use
        registry.getAllCircuitBreakers().forEach(this::watch);
        registry.getEventPublisher().onEntryAdded(added -> watch(added.getAddedEntry()));
        registry.getEventPublisher().onEntryReplaced(replaced -> watch(replaced.getNewEntry()));
    }

    CircuitBreaker of(String service) {
        return registry.circuitBreaker(service);
    }

    /** Until the breaker lets a trial request through; at least a second. */
    Duration untilHalfOpen(String service) {
        Duration wait = Duration.ofMillis(
                of(service).getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        Instant opened = openedAt.get(service);
        if (opened == null) {
            return wait;
        }
        Duration left = Duration.between(clock.instant(), opened.plus(wait));
        return left.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : left;
    }

    private void watch(CircuitBreaker breaker) {
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(breaker.getName(), clock.instant());
            }
        });
    }
}
