package org.autocrm.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The buckets of this gateway replica, in memory and bounded: a bucket idle for
 * {@code idle-eviction} is dropped (it would be full by then anyway), and at most {@code max-keys}
 * are kept. With N replicas behind a load balancer a caller may get up to N times the limit.
 */
@Component
class RateLimiter {

    static final String USER_PREFIX = "user:";
    static final String API_KEY_PREFIX = "key:";

    private final RateLimitProperties properties;
    private final Cache<String, TokenBucket> buckets;
    private final LongSupplier nanoClock;

    @Autowired
    RateLimiter(RateLimitProperties properties) {
        this(properties, System::nanoTime);
    }

    RateLimiter(RateLimitProperties properties, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(properties.idleEviction())
                .maximumSize(properties.maxKeys())
                .build();
    }

    /** @param key {@code user:<tenant>:<sub>}, {@code key:<keyId>} or {@code ip:<address>} */
    RateLimitDecision take(String key) {
        long now = nanoClock.getAsLong();
        return buckets.get(key, k -> new TokenBucket(limitFor(k), now)).take(now);
    }

    private RateLimitProperties.Limit limitFor(String key) {
        if (key.startsWith(USER_PREFIX)) {
            return properties.users();
        }
        if (key.startsWith(API_KEY_PREFIX)) {
            return properties.apiKeys();
        }
        return properties.anonymous();
    }
}
