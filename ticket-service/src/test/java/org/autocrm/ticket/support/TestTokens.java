package org.autocrm.ticket.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Signs access tokens the way the gateway does (docs/access-tokens.md), with a test RSA key whose
 * public half is the inline key set of the test configuration ({@code config/application.yml}).
 */
public final class TestTokens {

    /** The key the tests' configured key set publishes. */
    public static final RSAKey KEY = load("/identity/test-signing-key.jwk.json");

    private TestTokens() {
    }

    /** A valid token for a caller; change it before signing to make it invalid. */
    public static Token token(String tenant, String subject, String role) {
        return new Token(tenant, subject, role);
    }

    public static String valid(String tenant, String subject, String role) {
        return token(tenant, subject, role).sign();
    }

    /** A fresh RSA key the services do not know. */
    public static RSAKey unknownKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("unknown-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String publicKeySet(RSAKey... keys) {
        return new JWKSet(java.util.Arrays.stream(keys).map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK())
                .toList()).toString();
    }

    /** The claims of one token, valid until changed. */
    public static final class Token {
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private Instant expiresAt = Instant.now().plusSeconds(300);
        private RSAKey key = KEY;

        private Token(String tenant, String subject, String role) {
            claims.put("iss", "autocrm-gateway");
            claims.put("aud", List.of("autocrm"));
            claims.put("sub", subject);
            claims.put("tenant", tenant);
            claims.put("roles", List.of(role));
            claims.put("groups", List.of());
            claims.put("jti", UUID.randomUUID().toString());
            if ("customer".equals(role)) {
                claims.put("customer_id", subject);
            }
        }

        public Token groups(String... groups) {
            claims.put("groups", List.of(groups));
            return this;
        }

        public Token scope(String scope) {
            claims.put("scope", scope);
            return this;
        }

        public Token expiresAt(Instant at) {
            expiresAt = at;
            return this;
        }

        public Token claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Token without(String name) {
            if ("exp".equals(name)) {
                expiresAt = null;
            }
            claims.remove(name);
            return this;
        }

        public Token signedWith(RSAKey other) {
            key = other;
            return this;
        }

        public String sign() {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** Signed with a shared secret instead of the gateway's key: what a forger would try. */
        public String signHs256(String secret) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(KEY.getKeyID()).build(),
                    claims());
            try {
                jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        private JWTClaimsSet claims() {
            JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                    .issueTime(new Date())
                    .expirationTime(expiresAt == null ? null : Date.from(expiresAt));
            claims.forEach(builder::claim);
            return builder.build();
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
