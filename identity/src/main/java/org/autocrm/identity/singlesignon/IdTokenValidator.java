package org.autocrm.identity.singlesignon;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.AsymmetricJWK;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * OpenID Connect Core 1.0 section 3.1.3.7: an ID token counts only when the provider's current
 * key signed it (asymmetric algorithms only: no {@code none}, no HMAC), it names the provider as
 * issuer and this client as audience (and as authorized party when there are several), it has
 * not expired, and it carries the nonce of this very sign-in.
 */
final class IdTokenValidator {

    /** Tolerated clock difference between the provider and us. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final ProviderKeys keys;
    private final Clock clock;

    IdTokenValidator(ProviderKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    Mono<JWTClaimsSet> validate(String idToken, ProviderMetadata provider, String clientId, String nonce) {
        return Mono.defer(() -> validateSigned(idToken, provider, clientId, nonce));
    }

    private Mono<JWTClaimsSet> validateSigned(String idToken, ProviderMetadata provider, String clientId,
            String nonce) {
        SignedJWT jwt = parse(idToken);
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            return Mono.error(invalid("the ID token is signed with " + header.getAlgorithm()
                    + ", which is not accepted"));
        }
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(header));
        return keys.keys(provider.jwksUri())
                .flatMap(set -> selector.select(set).isEmpty() ? keys.refreshed(provider.jwksUri()) : Mono.just(set))
                .map(set -> {
                    verifySignature(jwt, selector.select(set));
                    JWTClaimsSet claims = claimsOf(jwt);
                    verifyClaims(claims, provider.issuer(), clientId, nonce);
                    return claims;
                });
    }

    private static SignedJWT parse(String idToken) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken);
        } catch (ParseException | RuntimeException malformed) {
            throw new SsoLoginFailed(SsoLoginFailed.Reason.INVALID_ID_TOKEN,
                    "The sign-in provider returned an ID token that is not a JWT.", malformed);
        }
        if (!(jwt instanceof SignedJWT)) {
            throw invalid("the ID token is not signed");
        }
        return (SignedJWT) jwt;
    }

    private static void verifySignature(SignedJWT jwt, List<JWK> candidates) {
        if (candidates.isEmpty()) {
            throw invalid("the ID token is signed with a key the provider does not publish");
        }
        for (JWK key : candidates) {
            try {
                JWSVerifier verifier = new DefaultJWSVerifierFactory()
                        .createJWSVerifier(jwt.getHeader(), ((AsymmetricJWK) key).toPublicKey());
                if (jwt.verify(verifier)) {
                    return;
                }
            } catch (JOSEException | ClassCastException unusableKey) {
                // try the next key of the set
            }
        }
        throw invalid("the ID token's signature does not match the provider's key");
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException malformed) {
            throw new SsoLoginFailed(SsoLoginFailed.Reason.INVALID_ID_TOKEN,
                    "The sign-in provider's ID token has unreadable claims.", malformed);
        }
    }

    private void verifyClaims(JWTClaimsSet claims, String issuer, String clientId, String nonce) {
        if (!issuer.equals(claims.getIssuer())) {
            throw invalid("the ID token was issued by '" + claims.getIssuer() + "', not by " + issuer);
        }
        List<String> audience = claims.getAudience();
        if (audience == null || !audience.contains(clientId)) {
            throw invalid("the ID token is meant for " + audience + ", not for this client");
        }
        String authorizedParty = stringClaim(claims, "azp");
        if ((audience.size() > 1 || authorizedParty != null) && !clientId.equals(authorizedParty)) {
            throw invalid("the ID token's authorized party is '" + authorizedParty + "', not this client");
        }
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))) {
            throw invalid("the ID token has expired");
        }
        Date issuedAt = claims.getIssueTime();
        if (issuedAt == null || issuedAt.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("the ID token's issue time is missing or in the future");
        }
        if (!nonce.equals(stringClaim(claims, "nonce"))) {
            throw invalid("the ID token does not belong to this sign-in (nonce differs)");
        }
        if (claims.getSubject() == null || claims.getSubject().isBlank()) {
            throw invalid("the ID token names no subject");
        }
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException notAString) {
            throw invalid("the ID token's " + name + " is not a string");
        }
    }

    private static SsoLoginFailed invalid(String why) {
        return new SsoLoginFailed(SsoLoginFailed.Reason.INVALID_ID_TOKEN, "Sign-in refused: " + why + ".");
    }
}
