package org.autocrm.ticket.ticket;

import org.autocrm.events.Actor;

/** Merge this duplicate ticket into the target ticket. */
public record MergeTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String targetTicketId,
        Actor by) implements TicketCommand {
}
