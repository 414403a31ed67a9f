package org.autocrm.events;

import java.time.Instant;

/** The priority of a ticket changed. Type {@code autocrm.ticket.priority_changed.v1}. */
public record TicketPriorityChanged(
        String ticketId,
        String tenantId,
        String from,
        String to,
        Actor by,
        Instant at) implements TicketEvent {
}
