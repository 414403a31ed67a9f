package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a new ticket for a customer. {@code idempotencyKey}, when given, makes a retried request
 * return the first result instead of opening a second ticket. Its context expects no version.
 */
public record CreateTicket(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String subject,
        String description,
        String customerId,
        String priority,
        Channel channel,
        String language,
        String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        String followUpOf,
        String idempotencyKey) {

    public CreateTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : customFields;
    }
}
