package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Edit a ticket: every non-null part is changed, each as its own event. {@code customFields} holds only the fields to change (a null value clears one). */
public record UpdateTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String subject,
        String description,
        String priority,
        String categoryId,
        List<String> tags,
        Map<String, Object> customFields) implements TicketCommand {
}
