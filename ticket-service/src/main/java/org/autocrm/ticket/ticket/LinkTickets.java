package org.autocrm.ticket.ticket;

import org.autocrm.events.Actor;

/** Link this ticket to a related one. */
public record LinkTickets(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String linkedTicketId,
        String relation,
        Actor by) implements TicketCommand {
}
