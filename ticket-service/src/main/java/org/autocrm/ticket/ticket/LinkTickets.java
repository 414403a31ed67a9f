package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Link this ticket to a related one. */
public record LinkTickets(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String linkedTicketId,
        String relation,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
