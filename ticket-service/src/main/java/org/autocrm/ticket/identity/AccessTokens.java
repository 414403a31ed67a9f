package org.autocrm.ticket.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks an access token the gateway signed (RS256, a key of its JWK set) and says who it names.
 * Each refusal says what is wrong; the claims are those of docs/access-tokens.md.
 */
public class AccessTokens {

    static final Set<String> ROLES = Set.of("admin", "team_lead", "agent", "customer", "api_key");
    /** Clocks of the gateway and this service may differ a little. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private final GatewayKeys keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    AccessTokens(GatewayKeys keys, String issuer, String audience, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** The caller a valid token names; refuses with {@link InvalidToken} saying what is wrong. */
    public RequestingUser verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            throw new InvalidToken("the access token is not a signed JWT");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new InvalidToken("the access token must be signed with RS256, not " + jwt.getHeader().getAlgorithm());
        }
        String keyId = jwt.getHeader().getKeyID();
        if (keyId == null) {
            throw new InvalidToken("the access token does not name its signing key (kid)");
        }
        RSAKey key = keys.find(keyId).orElseThrow(() ->
                new InvalidToken("the access token is signed with a key the gateway does not publish (kid " + keyId + ")"));
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw new InvalidToken("the access token's signature is not valid");
            }
            return caller(jwt.getJWTClaimsSet());
        } catch (JOSEException | ParseException e) {
            throw new InvalidToken("the access token cannot be read");
        }
    }

    private RequestingUser caller(JWTClaimsSet claims) throws ParseException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw new InvalidToken("the access token has expired");
        }
        if (!issuer.equals(claims.getIssuer())) {
            throw new InvalidToken("the access token was not issued by " + issuer);
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(audience)) {
            throw new InvalidToken("the access token is not meant for " + audience);
        }
        String tenant = claims.getStringClaim("tenant");
        String subject = claims.getSubject();
        if (isBlank(tenant) || isBlank(subject)) {
            throw new InvalidToken("the access token must name a tenant and a subject (sub)");
        }
        String role = role(claims.getStringListClaim("roles"));
        if ("customer".equals(role)) {
            String customerId = claims.getStringClaim("customer_id");
            if (customerId != null && !customerId.equals(subject)) {
                throw new InvalidToken("the access token's customer_id must be its subject");
            }
        }
        List<String> groups = claims.getStringListClaim("groups");
        String scope = claims.getStringClaim("scope");
        return new RequestingUser(tenant, subject, role,
                groups == null ? Set.of() : Set.copyOf(groups),
                scope == null ? Set.of() : Arrays.stream(scope.trim().split("\\s+"))
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    /** Exactly one known role; roles added later may stand beside it. */
    private static String role(List<String> roles) {
        List<String> known = roles == null ? List.of() : roles.stream().filter(ROLES::contains).distinct().toList();
        if (known.size() != 1) {
            throw new InvalidToken("the access token must name one role (roles) out of " + ROLES);
        }
        return known.get(0);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** The request carried no token, or one that does not prove who the caller is. */
    public static class InvalidToken extends RuntimeException {
        public InvalidToken(String message) {
            super(message);
        }
    }
}
