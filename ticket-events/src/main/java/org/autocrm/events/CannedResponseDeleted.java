package org.autocrm.events;

import java.time.Instant;

/** A canned response was deleted. Type {@code autocrm.canned_response.deleted.v1}. */
public record CannedResponseDeleted(
        String cannedResponseId,
        String tenantId,
        Actor by,
        Instant at) implements TicketConfigurationEvent {

    @Override
    public String aggregateId() {
        return cannedResponseId;
    }
}
