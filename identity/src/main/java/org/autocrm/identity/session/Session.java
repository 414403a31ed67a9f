package org.autocrm.identity.session;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One sign-in: the family of refresh tokens that descend from one login. Only hashes are stored; the
 * hashes of rotated-out tokens are kept so that presenting one again is recognised as theft and
 * revokes the whole family.
 */
@Document("identity_sessions")
public record Session(
        @Id String id,
        String tenantId,
        String accountId,
        String currentHash,
        List<String> retiredHashes,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedReason) {

    public Session {
        retiredHashes = retiredHashes == null ? List.of() : List.copyOf(retiredHashes);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && expiresAt.isAfter(now);
    }
}
