package org.autocrm.events;

import java.time.Instant;

/** A ticket was escalated to a tier or group. Type {@code autocrm.ticket.escalated.v1}. */
public record TicketEscalated(
        String ticketId,
        String tenantId,
        int level,
        String groupId,
        String reason,
        Actor by,
        Instant at) implements TicketEvent {
}
