package org.autocrm.gateway.edge;

import java.time.Duration;

/**
 * A token bucket that refills continuously: {@code capacity} tokens per {@code window}. Times are
 * nanoseconds from a monotonic clock, passed in so the arithmetic is testable.
 */
final class TokenBucket {

    private final int capacity;
    private final Duration window;
    private final double nanosPerToken;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitProperties.Limit limit, long now) {
        this.capacity = limit.limit();
        this.window = limit.window();
        this.nanosPerToken = (double) window.toNanos() / capacity;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    synchronized RateLimitDecision take(long now) {
        tokens = Math.min(capacity, tokens + Math.max(0, now - updatedAt) / nanosPerToken);
        updatedAt = now;
        boolean allowed = tokens >= 1;
        if (allowed) {
            tokens -= 1;
        }
        Duration reset = nanos((capacity - tokens) * nanosPerToken);
        Duration retryAfter = allowed ? Duration.ZERO : nanos((1 - tokens) * nanosPerToken);
        return new RateLimitDecision(allowed, capacity, window, (long) Math.floor(tokens), reset, retryAfter);
    }

    /** Rounded to the nanosecond, so floating-point dust does not turn 4 s into a Retry-After of 5. */
    private static Duration nanos(double nanos) {
        return Duration.ofNanos(Math.round(nanos));
    }
}
