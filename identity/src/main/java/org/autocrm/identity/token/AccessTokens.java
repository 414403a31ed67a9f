package org.autocrm.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.AccessTokenVerifier;
import org.autocrm.access.Caller;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.Role;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.directory.Account;
import org.springframework.stereotype.Component;

/**
 * Issues the RS256 access tokens of {@code docs/access-tokens.md} and checks them with the service kit's
 * verifier, as every service does. Besides the contract's claims a user's token carries {@code sid}, the
 * session it belongs to, so the gateway can refuse it once the session is revoked; services ignore it.
 */
@Component
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;
    private final AccessTokenVerifier verifier;

    AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
        this.verifier = AccessTokenVerifier.forKeys(properties.issuer(), properties.audience(), keys.verificationKeys());
    }

    /** A signed-in user's token (15 minutes by default). */
    public String forAccount(Account account, String sessionId) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = common(now, properties.accessTokenTtl().toSeconds())
                .subject(account.subject())
                .claim("tenant", account.tenantId())
                .claim("roles", List.of(account.role()))
                .claim("groups", account.roleType().isStaff() ? account.groups() : List.of())
                .claim("name", account.name())
                .claim("email", account.email())
                .claim(SESSION_CLAIM, sessionId);
        if (account.roleType() == Role.CUSTOMER) {
            claims.claim("customer_id", account.customerId());
        }
        return signed(claims.build());
    }

    /** The token the gateway mints for one API-key request (5 minutes by default). */
    public String forApiKey(String tenant, String keyId, String name, List<String> scopes) {
        JWTClaimsSet claims = common(clock.instant(), properties.apiKeyTokenTtl().toSeconds())
                .subject("key-" + keyId)
                .claim("tenant", tenant)
                .claim("roles", List.of(Role.API_KEY.value()))
                .claim("groups", List.of())
                .claim("scope", String.join(" ", scopes))
                .claim("name", name)
                .build();
        return signed(claims);
    }

    /** How long an automation client's token lives (docs/access-tokens.md). */
    public static final Duration AUTOMATION_TOKEN_TTL = Duration.ofMinutes(5);

    /**
     * The token of an AutoCRM component acting for a tenant (client-credentials grant): role {@code automation}, no
     * groups, no session; the gateway and the services take it without a user behind it.
     */
    public String forAutomation(String tenant, String clientId) {
        JWTClaimsSet claims = common(clock.instant(), AUTOMATION_TOKEN_TTL.toSeconds())
                .subject(clientId)
                .claim("tenant", tenant)
                .claim("roles", List.of(Role.AUTOMATION.value()))
                .claim("groups", List.of())
                .claim("name", "Automation")
                .build();
        return signed(claims);
    }

    private JWTClaimsSet.Builder common(Instant now, long ttlSeconds) {
        return new JWTClaimsSet.Builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(ttlSeconds)));
    }

    /** Signs any claims with the current key; public so tests can forge expired or foreign tokens. */
    public String signed(JWTClaimsSet claims) {
        RSAKey key = keys.current();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /**
     * Checks the token as every service does, with the service kit over the gateway's own keys (RS256,
     * signature, expiry, issuer, audience, the claims every token carries); 401 otherwise. Whether its
     * session or API key is still good is the authentication filter's check on top.
     */
    public Caller verify(String token) {
        try {
            return verifier.verify(token);
        } catch (InvalidAccessToken refused) {
            throw IdentityException.invalidToken(sentence(refused.getMessage()));
        }
    }

    /** The session a verified user token belongs to ({@value #SESSION_CLAIM}); empty for an API key's token. */
    public Optional<String> sessionOf(String verifiedToken) {
        try {
            return Optional.ofNullable(SignedJWT.parse(verifiedToken).getJWTClaimsSet().getStringClaim(SESSION_CLAIM));
        } catch (ParseException e) {
            throw IdentityException.invalidToken("The access token has claims of the wrong type.");
        }
    }

    /** The kit words a refusal as a clause; a problem detail is a sentence. */
    private static String sentence(String clause) {
        String detail = Character.toUpperCase(clause.charAt(0)) + clause.substring(1);
        return detail.endsWith(".") ? detail : detail + ".";
    }
}
