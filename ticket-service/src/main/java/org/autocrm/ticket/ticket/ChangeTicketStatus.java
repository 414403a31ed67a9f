package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;

/** Move a ticket to another status, given as a fixed status or as one of the tenant's labels; RESOLVED needs a summary. */
public record ChangeTicketStatus(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        TicketStatus status,
        String statusLabel,
        String resolutionSummary,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
