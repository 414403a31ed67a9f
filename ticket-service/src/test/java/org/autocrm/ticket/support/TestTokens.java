package org.autocrm.ticket.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens as the gateway does (docs/access-tokens.md), with the test key whose public
 * half is the inline key set of the test configuration ({@code config/application.yml}).
 */
public final class TestTokens {

    public static final RSAKey KEY = load("/identity/test-signing-key.jwk.json");

    private TestTokens() {
    }

    /** A valid token for a caller; change its claims before signing to make it invalid. */
    public static Token token(String tenant, String subject, String role) {
        return new Token(new JWTClaimsSet.Builder().issuer("autocrm-gateway").audience("autocrm").subject(subject)
                .claim("tenant", tenant).claim("roles", List.of(role)).claim("groups", List.of())
                .claim("customer_id", "customer".equals(role) ? subject : null)
                .jwtID(UUID.randomUUID().toString()).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(300))));
    }

    public static String valid(String tenant, String subject, String role) {
        return token(tenant, subject, role).sign();
    }

    /** A fresh RSA key the service does not know. */
    public static RSAKey unknownKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON of a JWK set publishing the public halves of these keys. */
    public static String publicKeySet(RSAKey... keys) {
        return new JWKSet(List.<JWK>of(keys)).toPublicJWKSet().toString();
    }

    /** The claims of one token, valid until changed. */
    public static final class Token {
        private final JWTClaimsSet.Builder claims;
        private RSAKey key = KEY;

        private Token(JWTClaimsSet.Builder claims) {
            this.claims = claims;
        }

        /** Sets a claim; {@code null} leaves it out. */
        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token groups(String... groups) {
            return claim("groups", List.of(groups));
        }

        public Token scope(String scope) {
            return claim("scope", scope);
        }

        public Token expiresAt(Instant at) {
            return claim("exp", Date.from(at));
        }

        public Token signedWith(RSAKey other) {
            key = other;
            return this;
        }

        public String sign() {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }

    private static RSAKey load(String resource) {
        try (InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            return RSAKey.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("cannot read the test signing key " + resource, e);
        }
    }
}
