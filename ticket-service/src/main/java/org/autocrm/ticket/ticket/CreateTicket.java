package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.Actor;

/**
 * Open a new ticket for a customer. {@code idempotencyKey}, when given, makes a retried request
 * return the first result instead of opening a second ticket.
 */
public record CreateTicket(
        String ticketId,
        String tenantId,
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
        String idempotencyKey,
        Actor by,
        Set<String> byGroups) {

    public CreateTicket {
        tags = tags == null ? List.of() : List.copyOf(tags);
        customFields = customFields == null ? Map.of() : customFields;
        byGroups = byGroups == null ? Set.of() : Set.copyOf(byGroups);
    }
}
