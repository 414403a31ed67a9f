package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Return a ticket to the open pool. */
public record UnassignTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
