package org.autocrm.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address in a fixed window (default 20 per 5 minutes) and refuses
 * further attempts from that address until the window ends. Per gateway replica, in memory: with N
 * replicas an address gets at most N times the limit, which still stops guessing at scale; the
 * per-account lockout is shared through MongoDB.
 */
@Component
public class AddressThrottle {

    private record Window(Instant start, int failures) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final IdentityProperties.AddressThrottle limits;
    private final Clock clock;

    @Autowired
    AddressThrottle(IdentityProperties properties, Clock clock) {
        this(properties.addressThrottle(), clock);
    }

    /** A throttle of its own, e.g. for requests that send email. */
    public AddressThrottle(IdentityProperties.AddressThrottle limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    /** How long the address must wait, if it used up its failures. */
    public Optional<Duration> blockedFor(String address) {
        Instant now = clock.instant();
        Window window = windows.get(address);
        if (window == null || window.failures() < limits.maxFailures()) {
            return Optional.empty();
        }
        Instant end = window.start().plus(limits.window());
        return end.isAfter(now) ? Optional.of(Duration.between(now, end)) : Optional.empty();
    }

    public void failed(String address) {
        Instant now = clock.instant();
        windows.compute(address, (key, window) -> window == null || !window.start().plus(limits.window()).isAfter(now)
                ? new Window(now, 1)
                : new Window(window.start(), window.failures() + 1));
        if (windows.size() > 100_000) {
            // a flood from many addresses must not grow memory without bound; old windows are worthless anyway
            windows.entrySet().removeIf(entry -> !entry.getValue().start().plus(limits.window()).isAfter(now));
        }
    }
}
