package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Merge this duplicate ticket into the target ticket. */
public record MergeTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String targetTicketId,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
