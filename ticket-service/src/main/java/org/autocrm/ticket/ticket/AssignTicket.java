package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign a ticket to one agent or one group, never both. */
public record AssignTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String agentId,
        String groupId) implements TicketCommand {
}
