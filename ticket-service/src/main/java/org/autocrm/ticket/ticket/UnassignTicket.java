package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Return a ticket to the open pool. */
public record UnassignTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context) implements TicketCommand {
}
