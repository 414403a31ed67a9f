package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Escalate a ticket to a tier or group, with a reason. */
public record EscalateTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String groupId,
        String reason,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
