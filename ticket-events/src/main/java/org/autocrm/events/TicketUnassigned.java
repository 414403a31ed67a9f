package org.autocrm.events;

import java.time.Instant;

/** A ticket went back to the open pool. Type {@code autocrm.ticket.unassigned.v1}. */
public record TicketUnassigned(
        String ticketId,
        String tenantId,
        String previousAgentId,
        String previousGroupId,
        Actor by,
        Instant at) implements TicketEvent {
}
