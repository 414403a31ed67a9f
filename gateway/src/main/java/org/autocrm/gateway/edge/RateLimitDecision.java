package org.autocrm.gateway.edge;

import java.time.Duration;
import org.springframework.http.HttpHeaders;

/**
 * One request counted against its caller's bucket, and what the caller is told about it in the
 * IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers).
 *
 * @param reset      until the bucket is full again
 * @param retryAfter until the next request would be allowed (zero when allowed)
 */
record RateLimitDecision(boolean allowed, int limit, Duration window, long remaining, Duration reset,
        Duration retryAfter) {

    void writeTo(HttpHeaders headers) {
        headers.set("RateLimit-Limit", Integer.toString(limit));
        headers.set("RateLimit-Remaining", Long.toString(remaining));
        headers.set("RateLimit-Reset", Long.toString(reset.isZero() ? 0 : EdgeRefusals.wholeSeconds(reset)));
        headers.set("RateLimit-Policy", limit + ";w=" + window.toSeconds());
    }
}
