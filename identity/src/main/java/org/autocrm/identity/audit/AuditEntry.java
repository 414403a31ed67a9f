package org.autocrm.identity.audit;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One recorded security event. Stored before it is published; {@code publishedAt} stays null until
 * Kafka has acknowledged it, so nothing is lost while Kafka is down. {@code sequence} counts per
 * tenant from 0 (the tenant is the envelope's subject).
 */
@Document("identity_audit")
public record AuditEntry(
        @Id String id,
        String tenantId,
        long sequence,
        String kind,
        String userId,
        String email,
        String clientAddress,
        Map<String, String> detail,
        String actorId,
        String actorRole,
        Instant at,
        Instant publishedAt) {

    public AuditEntry {
        detail = detail == null ? Map.of() : Map.copyOf(detail);
    }
}
