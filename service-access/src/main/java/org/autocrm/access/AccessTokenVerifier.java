package org.autocrm.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks an access token the gateway signed and says what it names (docs/access-tokens.md).
 * nimbus-jose-jwt does the checking: RS256 only, with a key of the gateway's JWK set, then exp
 * (30 s clock skew), iss, aud and the claims every token carries. Here: which key set, the words
 * for a refusal, and the caller the claims name. Safe for concurrent use; build one per service.
 */
public final class AccessTokenVerifier {

    private static final Set<String> REQUIRED_CLAIMS = Set.of("exp", "sub", "tenant");
    /** Clocks of the gateway and the service may differ a little. */
    private static final int CLOCK_SKEW_SECONDS = 30;
    private static final int TIMEOUT_MILLIS = 2_000;

    private final String keySetSource;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private AccessTokenVerifier(String keySetSource, JWKSource<SecurityContext> keys, String issuer, String audience) {
        this.keySetSource = keySetSource;
        this.keys = keys;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // a singleton, not Set.of: nimbus asks the audience set whether it contains null (aud optional)
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                Collections.singleton(audience), new JWTClaimsSet.Builder().issuer(issuer).build(),
                REQUIRED_CLAIMS, Set.of());
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * A verifier of the tokens {@code issuer} signs for {@code audience}, with the key set given
     * inline as the JSON of a JWK set ({@code autocrm.identity.jwks}, for tests) or, when there is
     * none, the gateway's at {@code jwksUri} ({@code autocrm.identity.jwks-uri}).
     *
     * <p>The gateway's key set is read with nimbus's defaults: on the first token (so a service may
     * start before the gateway), kept 5 minutes, read again for an unknown kid (a rotated key) but
     * at most twice in 30 s (made-up kids cannot make a service hammer the gateway), and kept while
     * the gateway cannot be reached (it may be restarting).
     *
     * @throws IllegalArgumentException when the inline key set is not a JWK set or the URI not an http(s) URL
     */
    public static AccessTokenVerifier create(String issuer, String audience, URI jwksUri, String inlineJwks) {
        try {
            if (inlineJwks != null && !inlineJwks.isBlank()) {
                return new AccessTokenVerifier("the inline key set", new ImmutableJWKSet<>(JWKSet.parse(inlineJwks)),
                        issuer, audience);
            }
            if (jwksUri == null) {
                throw new IllegalArgumentException("neither is set");
            }
            JWKSource<SecurityContext> gateway = JWKSourceBuilder.create(jwksUri.toURL(),
                            new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS))
                    .refreshAheadCache(false) // no background thread: an expired set is read again on the next token
                    .outageTolerantForever()
                    .build();
            return new AccessTokenVerifier(jwksUri.toString(), gateway, issuer, audience);
        } catch (ParseException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("autocrm.identity.jwks must be the JSON of a JWK set, or "
                    + "autocrm.identity.jwks-uri an http(s) URL: " + e.getMessage(), e);
        }
    }

    /**
     * A verifier of the tokens {@code issuer} signs for {@code audience} with a key of {@code keys}:
     * for the gateway, which checks the tokens it signed itself against the keys it holds.
     */
    public static AccessTokenVerifier forKeys(String issuer, String audience, JWKSource<SecurityContext> keys) {
        return new AccessTokenVerifier("the gateway's own key set", keys, issuer, audience);
    }

    /**
     * What the token of an {@code Authorization} header names: {@code Bearer <access token>}; a
     * missing header (null) is refused as {@link InvalidAccessToken#isMissing() missing}.
     */
    public Caller verifyAuthorization(String authorization) {
        if (authorization == null) {
            throw InvalidAccessToken.missing();
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidAccessToken("the Authorization header must be 'Bearer <access token>'");
        }
        return verify(authorization.substring(7).strip());
    }

    /**
     * What a valid token names; refuses with {@link InvalidAccessToken} saying what is wrong, or
     * {@link SigningKeysUnavailable} while the gateway's keys have never been read.
     */
    public Caller verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidAccessToken("the access token is not a signed JWT");
        }
        try {
            return verified(processor.process(jwt, null));
        } catch (BadJOSEException refused) {
            throw new InvalidAccessToken(reason(refused, jwt.getHeader()));
        } catch (KeySourceException unavailable) {
            // a refetch the rate limit holds back, while the gateway's keys are at hand: this kid is not among them
            if (unavailable instanceof RateLimitReachedException && holdsKeys()) {
                throw new InvalidAccessToken(unknownKey(jwt.getHeader()));
            }
            throw new SigningKeysUnavailable("The gateway's signing keys could not be read from " + keySetSource,
                    unavailable);
        } catch (JOSEException | ParseException e) {
            throw new InvalidAccessToken("the access token cannot be read");
        }
    }

    private static String reason(BadJOSEException refused, JWSHeader header) {
        if (refused instanceof ExpiredJWTException) {
            return "the access token has expired";
        }
        if (refused instanceof BadJWTException) {
            // nimbus names the claim and what it expected, e.g. "JWT iss claim has value x, must be autocrm-gateway"
            return "the access token's claims are refused: " + refused.getMessage();
        }
        if (refused instanceof BadJWSException) {
            return "the access token's signature is not valid";
        }
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return "the access token must be signed with RS256, not " + header.getAlgorithm();
        }
        return unknownKey(header);
    }

    private static String unknownKey(JWSHeader header) {
        return "the access token is signed with a key the gateway does not publish (kid " + header.getKeyID() + ")";
    }

    private boolean holdsKeys() {
        try {
            return !keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).isEmpty();
        } catch (KeySourceException none) {
            return false;
        }
    }

    private static Caller verified(JWTClaimsSet claims) throws ParseException {
        String tenant = claims.getStringClaim("tenant");
        String subject = claims.getSubject();
        if (isBlank(tenant) || isBlank(subject)) {
            throw new InvalidAccessToken("the access token must name a tenant and a subject (sub)");
        }
        Role role = role(claims.getStringListClaim("roles"));
        String customerId = claims.getStringClaim("customer_id");
        if (role == Role.CUSTOMER && customerId != null && !customerId.equals(subject)) {
            throw new InvalidAccessToken("the access token's customer_id must be its subject");
        }
        List<String> groups = claims.getStringListClaim("groups");
        String scope = claims.getStringClaim("scope");
        return new Caller(tenant, subject, role, groups == null ? Set.of() : Set.copyOf(groups),
                scope == null ? Set.of() : Set.copyOf(Arrays.stream(scope.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).toList()), displayName(claims));
    }

    /** The {@code name} claim, for display only: a token whose name is not text simply has none. */
    private static String displayName(JWTClaimsSet claims) {
        return claims.getClaim("name") instanceof String name && !name.isBlank() ? name.strip() : null;
    }

    /** Exactly one known role; roles added later may stand beside it. */
    private static Role role(List<String> roles) {
        List<Role> known = roles == null ? List.of()
                : roles.stream().map(Role::of).flatMap(Optional::stream).distinct().toList();
        if (known.size() != 1) {
            throw new InvalidAccessToken("the access token must name one role (roles) out of " + Role.allValues());
        }
        return known.get(0);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
