package org.autocrm.query.tenancy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The gateway's public signing keys. Fetched on the first token (so this service may start before
 * the gateway), kept for a while, and fetched again when a token names a key not seen yet (the
 * gateway rotated its key) — at most once per {@code minRefetchInterval}, so tokens with made-up
 * key ids cannot make us hammer the gateway.
 */
class GatewayKeys {

    private static final int TIMEOUT_MILLIS = 2_000;
    private static final int SIZE_LIMIT = 100_000;

    private final URI jwksUri;
    private final Duration maxAge;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private JWKSet keys;
    private Instant fetchedAt = Instant.MIN;

    private GatewayKeys(JWKSet fixed, URI jwksUri, Duration maxAge, Duration minRefetchInterval, Clock clock) {
        this.keys = fixed;
        this.jwksUri = jwksUri;
        this.maxAge = maxAge;
        this.minRefetchInterval = minRefetchInterval;
        this.clock = clock;
    }

    /** A key set given inline (tests): never fetched. */
    static GatewayKeys inline(String jwksJson) {
        try {
            return new GatewayKeys(JWKSet.parse(jwksJson), null, null, null, Clock.systemUTC());
        } catch (ParseException e) {
            throw new IllegalArgumentException("autocrm.identity.jwks is not the JSON of a JWK set: " + e.getMessage(), e);
        }
    }

    static GatewayKeys remote(URI jwksUri, Duration maxAge, Duration minRefetchInterval, Clock clock) {
        return new GatewayKeys(null, jwksUri, maxAge, minRefetchInterval, clock);
    }

    /** The RSA key with this id, or empty if the gateway does not publish one. */
    synchronized Optional<RSAKey> find(String keyId) {
        if (jwksUri != null && (keys == null || isStale())) {
            fetch();
        }
        JWK key = keys.getKeyByKeyId(keyId);
        if (key == null && jwksUri != null && mayRefetch()) {
            fetch();
            key = keys.getKeyByKeyId(keyId);
        }
        return key instanceof RSAKey rsa ? Optional.of(rsa) : Optional.empty();
    }

    private boolean isStale() {
        return fetchedAt.plus(maxAge).isBefore(clock.instant());
    }

    private boolean mayRefetch() {
        return !fetchedAt.plus(minRefetchInterval).isAfter(clock.instant());
    }

    private void fetch() {
        try {
            keys = JWKSet.load(jwksUri.toURL(), TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT);
            fetchedAt = clock.instant();
        } catch (IOException | ParseException | IllegalArgumentException e) {
            if (keys == null) {
                throw new SigningKeysUnavailable("The gateway's signing keys could not be read from " + jwksUri, e);
            }
            // keep the keys we have; the gateway may be restarting
            fetchedAt = clock.instant();
        }
    }
}
