package org.autocrm.identity.twofactor;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One staff user's TOTP: the secret (encrypted), whether it is confirmed, the last time step a code was
 * accepted for (so a code works once) and the hashes of the unused recovery codes. Kept apart from the
 * account, so nothing that saves an account can drop or expose it.
 */
@Document("identity_totp")
public record TotpEnrolment(@Id String accountId, String tenantId, String encryptedSecret, boolean enabled,
        long lastStep, List<String> recoveryCodeHashes, Instant startedAt, Instant enabledAt) {

    public TotpEnrolment {
        recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
    }
}
