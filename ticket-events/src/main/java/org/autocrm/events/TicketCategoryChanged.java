package org.autocrm.events;

import java.time.Instant;

/** The category of a ticket changed. Type {@code autocrm.ticket.category_changed.v1}. */
public record TicketCategoryChanged(
        String ticketId,
        String tenantId,
        String from,
        String to,
        Actor by,
        Instant at) implements TicketEvent {
}
