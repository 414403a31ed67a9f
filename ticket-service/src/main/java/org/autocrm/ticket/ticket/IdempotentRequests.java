package org.autocrm.ticket.ticket;

import java.util.Optional;

/**
 * Remembers which ticket a client's Idempotency-Key opened, so a retried request returns the first
 * result. Claimed inside the command's transaction: a refused request leaves no claim behind.
 */
public interface IdempotentRequests {

    /**
     * Claims the key for this request, or returns the earlier claim of the same key.
     *
     * @param fingerprint what the request asked for, to tell a retry from a different request
     */
    Optional<Claim> claim(String tenantId, String key, String fingerprint, String ticketId);

    record Claim(String ticketId, String fingerprint) {
    }
}
