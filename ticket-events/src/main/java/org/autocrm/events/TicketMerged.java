package org.autocrm.events;

import java.time.Instant;

/** This (duplicate) ticket was merged into {@code targetTicketId} and closed. Type {@code autocrm.ticket.merged.v1}. */
public record TicketMerged(
        String ticketId,
        String tenantId,
        String targetTicketId,
        Actor by,
        Instant at) implements TicketEvent {
}
