package org.autocrm.query.presence;

import java.time.Instant;

/**
 * One presence change as the replicas share it on {@code autocrm.presence.v1}, keyed by {@code <tenant>:<ticket>} so
 * that one ticket's changes keep their order. query-service's own format, not part of the public event contract.
 *
 * @param id    the change's id: the replica that published it waits for it to come back before answering
 * @param state {@code viewing}, {@code typing} or {@code left}
 * @param at    when it was sent; the presence expires {@code ttl} later unless refreshed
 */
record PresenceRecord(String id, String tenantId, String ticketId, String userId, String name, String state,
                      Instant at, Instant expiresAt) {

    static final String LEFT = "left";

    String key() {
        return tenantId + ":" + ticketId;
    }
}
