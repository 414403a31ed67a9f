package org.autocrm.identity.singlesignon;

import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * A provider's signing keys (JWKS), kept for an hour and fetched again when a token names a key
 * we do not have, as providers rotate keys; but at most once a minute, so tokens with made-up
 * key ids cannot make us hammer the provider.
 */
final class ProviderKeys {

    static final Duration CACHE_FOR = Duration.ofHours(1);
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofMinutes(1);

    private record Fetched(Mono<JWKSet> keys, Instant at) {
    }

    private final ProviderCalls calls;
    private final Clock clock;
    private final Map<URI, Fetched> cache = new ConcurrentHashMap<>();

    ProviderKeys(ProviderCalls calls, Clock clock) {
        this.calls = calls;
        this.clock = clock;
    }

    Mono<JWKSet> keys(URI jwksUri) {
        Instant now = clock.instant();
        return cache.compute(jwksUri, (uri, fetched) -> fetched == null || fetched.at().plus(CACHE_FOR).isBefore(now)
                ? fetch(uri, now) : fetched).keys();
    }

    /** The keys again, from the provider unless they were fetched within the last minute. */
    Mono<JWKSet> refreshed(URI jwksUri) {
        Instant now = clock.instant();
        return cache.compute(jwksUri, (uri, fetched) -> fetched == null
                || fetched.at().plus(MIN_REFRESH_INTERVAL).isBefore(now) ? fetch(uri, now) : fetched).keys();
    }

    private Fetched fetch(URI jwksUri, Instant now) {
        Mono<JWKSet> keys = calls.get(jwksUri, "signing keys").map(answer -> {
            if (!answer.status().is2xxSuccessful()) {
                throw ProviderCalls.unavailable("The sign-in provider's key set answered " + answer.status().value() + ".");
            }
            try {
                return JWKSet.parse(answer.body());
            } catch (ParseException notAKeySet) {
                throw new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                        "The sign-in provider's key set is not a JWK set.", notAKeySet);
            }
        }).doOnError(error -> cache.remove(jwksUri))
                .cache(set -> CACHE_FOR, error -> Duration.ZERO, () -> Duration.ZERO);
        return new Fetched(keys, now);
    }
}
