package org.autocrm.access;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens as the gateway does (docs/access-tokens.md), by default with {@link #KEY}: the test key
 * {@code /identity/test-signing-key.jwk.json}, whose public half the services' test configurations publish inline.
 * Shared with the services' tests through this module's test-jar.
 */
public final class TestTokens {

    /** The gateway's signing key in tests. */
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

    /** A fresh RSA key: one the verifier does not know, unless published. */
    public static RSAKey unknownKey() {
        return rsaKey("unknown-" + UUID.randomUUID());
    }

    private static RSAKey load(String resource) {
        try (java.io.InputStream in = TestTokens.class.getResourceAsStream(resource)) {
            return RSAKey.parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | java.text.ParseException | NullPointerException e) {
            throw new IllegalStateException("cannot read the test signing key " + resource, e);
        }
    }

    private static RSAKey rsaKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
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
            return signed(JWSAlgorithm.RS256, () -> new RSASSASigner(key));
        }

        /** Signed with a shared secret instead of the gateway's key: what a forger would try. */
        public String signHs256(String secret) {
            return signed(JWSAlgorithm.HS256, () -> new MACSigner(secret));
        }

        private String signed(JWSAlgorithm algorithm, Signer signer) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).build(), claims.build());
            try {
                jwt.sign(signer.create());
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private interface Signer {
            JWSSigner create() throws JOSEException;
        }
    }
}
