package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Merge this duplicate ticket into the target ticket. */
public record MergeTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String targetTicketId) implements TicketCommand {
}
