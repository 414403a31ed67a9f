package org.autocrm.ticket.ticket;

import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Open a new ticket for a customer. */
public record CreateTicket(
        @TargetAggregateIdentifier String ticketId,
        String tenantId,
        String subject,
        String description,
        String customerId,
        String priority,
        Channel channel,
        Actor requestedBy) {
}
