package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The customer rates the help they got. */
public record RateTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String scale,
        int score,
        String comment) implements TicketCommand {
}
