package org.autocrm.identity.apikey;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An integrator's key. Only the SHA-256 of its secret is stored; the key itself is shown once. */
@Document("identity_api_keys")
public record ApiKey(
        @Id String id,
        String tenantId,
        String name,
        List<String> scopes,
        String secretHash,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    /** The scopes a key can have (see {@code docs/access-tokens.md}). */
    public static final List<String> SCOPES = List.of("tickets:read", "tickets:write", "customers:read",
            "customers:write", "routing:read", "routing:write", "admin");

    public ApiKey {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
    }

    public boolean isUsableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
