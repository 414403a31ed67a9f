package org.autocrm.identity.twofactor;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * TOTP two-factor sign-in for staff (prefix {@code autocrm.identity.totp}).
 *
 * @param encryptionKey     Base64 of 32 random bytes (AES-256) that encrypts the users' TOTP secrets in MongoDB;
 *                          set it from the environment in production. Unset, the gateway makes one and keeps it
 *                          in MongoDB (fine for the local run: it then only protects against a leaked copy of
 *                          the secrets collection alone)
 * @param enrolmentTokenTtl how long the enrolment-only token a login hands out (tenant enforces TOTP, user
 *                          not enrolled) works
 * @param recoveryCodes     how many recovery codes an enrolment gives
 */
@ConfigurationProperties("autocrm.identity.totp")
public record TotpProperties(String encryptionKey, Duration enrolmentTokenTtl, int recoveryCodes) {

    public TotpProperties {
        enrolmentTokenTtl = enrolmentTokenTtl == null ? Duration.ofMinutes(10) : enrolmentTokenTtl;
        recoveryCodes = recoveryCodes <= 0 ? 10 : recoveryCodes;
    }
}
