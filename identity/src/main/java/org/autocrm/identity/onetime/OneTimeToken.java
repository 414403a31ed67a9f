package org.autocrm.identity.onetime;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A secret handed to one account for one purpose (a password reset, a sign-in link, a TOTP enrolment).
 * Only its SHA-256 is stored, as the id; {@code usedAt} is set when it is spent.
 */
@Document("identity_one_time_tokens")
public record OneTimeToken(@Id String hash, String purpose, String tenantId, String accountId, Instant createdAt,
        Instant expiresAt, Instant usedAt) {
}
