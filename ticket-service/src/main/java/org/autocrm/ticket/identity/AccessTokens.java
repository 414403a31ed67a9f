package org.autocrm.ticket.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.Set;

/**
 * Checks a signed access token (JWT, HS256) and says who it names: signature, expiry, audience,
 * and the claims {@code tenant}, {@code sub} and {@code role}.
 */
public class AccessTokens {

    private static final Set<String> ROLES = Set.of("admin", "team_lead", "agent", "customer", "api_key");

    private final MACVerifier verifier;
    private final String audience;
    private final Clock clock;

    public AccessTokens(IdentityProperties properties, Clock clock) {
        byte[] secret = properties.tokenSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalArgumentException("autocrm.identity.token-secret must be at least 32 bytes");
        }
        try {
            this.verifier = new MACVerifier(secret);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("autocrm.identity.token-secret is not a usable HMAC key", e);
        }
        this.audience = properties.audience();
        this.clock = clock;
    }

    /** The caller a valid token names; refuses with {@link InvalidToken} saying what is wrong. */
    public RequestingUser verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidToken("the access token is not a JWT");
        }
        if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("the access token must be signed with HS256");
        }
        try {
            if (!jwt.verify(verifier)) {
                throw new InvalidToken("the access token's signature is not valid");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
                throw new InvalidToken("the access token has expired");
            }
            if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
                throw new InvalidToken("the access token is not meant for " + audience);
            }
            String tenant = claims.getStringClaim("tenant");
            String role = claims.getStringClaim("role");
            if (tenant == null || claims.getSubject() == null || !ROLES.contains(role)) {
                throw new InvalidToken("the access token must name a tenant, a subject and a role");
            }
            return new RequestingUser(tenant, claims.getSubject(), role);
        } catch (JOSEException | ParseException e) {
            throw new InvalidToken("the access token cannot be read");
        }
    }

    /** The request carried a token that does not prove who the caller is. */
    public static class InvalidToken extends RuntimeException {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
