package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link this ticket to a related one. */
public record LinkTickets(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String linkedTicketId,
        String relation) implements TicketCommand {
}
