package org.autocrm.events;

import java.time.Instant;

/** The subject or description of a ticket was edited. Type {@code autocrm.ticket.details_changed.v1}. */
public record TicketDetailsChanged(
        String ticketId,
        String tenantId,
        String subject,
        String description,
        Actor by,
        Instant at) implements TicketEvent {
}
