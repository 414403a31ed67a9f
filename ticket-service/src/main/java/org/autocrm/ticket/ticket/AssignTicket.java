package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Assign a ticket to one agent or one group, never both. */
public record AssignTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String agentId,
        String groupId,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
