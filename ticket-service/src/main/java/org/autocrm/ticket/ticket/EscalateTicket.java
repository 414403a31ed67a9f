package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Escalate a ticket to a tier or group, with a reason. */
public record EscalateTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String groupId,
        String reason) implements TicketCommand {
}
