package org.autocrm.events;

import java.time.Instant;

/** This ticket was linked to another one; {@code relation} is {@code related} or {@code follow_up}. Type {@code autocrm.ticket.linked.v1}. */
public record TicketLinked(
        String ticketId,
        String tenantId,
        String linkedTicketId,
        String relation,
        Actor by,
        Instant at) implements TicketEvent {
}
