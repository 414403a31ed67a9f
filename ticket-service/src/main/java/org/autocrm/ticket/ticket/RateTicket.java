package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** The customer rates the help they got. */
public record RateTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String scale,
        int score,
        String comment,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
