package org.autocrm.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits ({@code autocrm.gateway.rate-limit.*}), per kind of caller. Each limit is a token
 * bucket of {@code limit} requests refilled evenly over {@code window}: a caller may burst up to the
 * limit, then gets one request per window/limit.
 *
 * @param users      callers signed in as a user ({@code user:<tenant>:<sub>})
 * @param apiKeys    integrators' API keys ({@code key:<keyId>})
 * @param anonymous  everyone else, by client address (login attempts included)
 * @param maxKeys    buckets kept at most; beyond it the least recently used are dropped
 * @param idleEviction a bucket unused this long is dropped (it would be full again anyway)
 * @param exemptPaths never limited (probes and metrics scraping)
 */
@ConfigurationProperties("autocrm.gateway.rate-limit")
record RateLimitProperties(Boolean enabled, Limit users, Limit apiKeys, Limit anonymous, Long maxKeys,
        Duration idleEviction, List<String> exemptPaths) {

    RateLimitProperties {
        enabled = enabled == null || enabled;
        users = users == null ? new Limit(600, Duration.ofMinutes(1)) : users;
        apiKeys = apiKeys == null ? new Limit(1200, Duration.ofMinutes(1)) : apiKeys;
        anonymous = anonymous == null ? new Limit(60, Duration.ofMinutes(1)) : anonymous;
        maxKeys = maxKeys == null ? 100_000L : maxKeys;
        idleEviction = idleEviction == null ? Duration.ofMinutes(10) : idleEviction;
        exemptPaths = exemptPaths == null ? List.of("/actuator/**") : List.copyOf(exemptPaths);
    }

    record Limit(int limit, Duration window) {

        Limit {
            if (limit < 1 || window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("a rate limit needs limit >= 1 and a positive window");
            }
        }
    }
}
