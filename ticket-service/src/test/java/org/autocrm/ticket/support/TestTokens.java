package org.autocrm.ticket.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/** Signs access tokens the way the gateway will, for tests. */
public final class TestTokens {

    /** The development key of application.yml's default. */
    public static final String DEV_SECRET = "autocrm-development-signing-key-change-me!";

    private TestTokens() {
    }

    public static String sign(String secret, String tenant, String subject, String role, String audience,
                              Instant expiresAt) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .audience(audience)
                .expirationTime(Date.from(expiresAt))
                .issueTime(new Date())
                .claim("tenant", tenant)
                .claim("role", role)
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static String valid(String tenant, String subject, String role) {
        return sign(DEV_SECRET, tenant, subject, role, "autocrm", Instant.now().plusSeconds(300));
    }
}
