package org.autocrm.gateway.identity.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.gateway.identity.IdentityException;
import org.autocrm.gateway.identity.IdentityProperties;
import org.autocrm.gateway.identity.Role;
import org.autocrm.gateway.identity.directory.Account;
import org.springframework.stereotype.Component;

/**
 * Issues and checks the RS256 access tokens of {@code docs/access-tokens.md}. Besides the contract's
 * claims a user's token carries {@code sid}, the session it belongs to, so the gateway can refuse it
 * once the session is revoked; services ignore it.
 */
@Component
public class AccessTokens {

    public static final String SESSION_CLAIM = "sid";

    private final SigningKeys keys;
    private final IdentityProperties properties;
    private final Clock clock;

    AccessTokens(SigningKeys keys, IdentityProperties properties, Clock clock) {
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
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
                .claim("roles", List.of(Role.API_KEY.wireName()))
                .claim("groups", List.of())
                .claim("scope", String.join(" ", scopes))
                .claim("name", name)
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

    /** Checks signature, algorithm, expiry, issuer, audience and the required claims; 401 otherwise. */
    public VerifiedToken verify(String token) {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(token);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw IdentityException.invalidToken("The access token is not a signed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw IdentityException.invalidToken("The access token is not signed with RS256.");
        }
        RSAKey key = keys.byKid(jwt.getHeader().getKeyID())
                .orElseThrow(() -> IdentityException.invalidToken("The access token is signed by an unknown key."));
        try {
            if (!jwt.verify(new RSASSAVerifier(key))) {
                throw IdentityException.invalidToken("The access token's signature is not valid.");
            }
        } catch (JOSEException e) {
            throw IdentityException.invalidToken("The access token's signature is not valid.");
        }
        Date expiry = claims.getExpirationTime();
        if (expiry == null || !expiry.toInstant().isAfter(clock.instant())) {
            throw IdentityException.invalidToken("The access token has expired; refresh it or sign in again.");
        }
        if (!properties.issuer().equals(claims.getIssuer())) {
            throw IdentityException.invalidToken("The access token was issued by someone else.");
        }
        if (claims.getAudience() == null || !claims.getAudience().contains(properties.audience())) {
            throw IdentityException.invalidToken("The access token is not meant for AutoCRM.");
        }
        try {
            String tenant = claims.getStringClaim("tenant");
            List<String> roles = claims.getStringListClaim("roles");
            Optional<Role> role = roles == null || roles.isEmpty() ? Optional.empty() : Role.fromWireName(roles.get(0));
            if (tenant == null || claims.getSubject() == null || role.isEmpty()) {
                throw IdentityException.invalidToken("The access token lacks tenant, subject or a known role.");
            }
            List<String> groups = claims.getStringListClaim("groups");
            String scope = claims.getStringClaim("scope");
            return new VerifiedToken(claims.getSubject(), tenant, role.get(), groups == null ? List.of() : groups,
                    scope == null || scope.isBlank() ? List.of() : List.of(scope.trim().split("\\s+")),
                    claims.getStringClaim(SESSION_CLAIM), claims.getJWTID());
        } catch (ParseException e) {
            throw IdentityException.invalidToken("The access token has claims of the wrong type.");
        }
    }
}
