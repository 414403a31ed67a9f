package org.autocrm.ticket.ticket;

import org.autocrm.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Move a ticket to another status, given as a fixed status or as one of the tenant's labels; RESOLVED needs a summary. */
public record ChangeTicketStatus(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        TicketStatus status,
        String statusLabel,
        String resolutionSummary) implements TicketCommand {
}
