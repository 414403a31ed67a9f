package org.autocrm.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A ticket was opened. Type {@code autocrm.ticket.created.v1}. {@code number} is unique per tenant; {@code followUpOf} names the closed ticket this one follows up, if any. */
public record TicketCreated(
        String ticketId,
        String tenantId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        TicketStatus status,
        String channel,
        String language,
        String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        String followUpOf,
        Actor by,
        Instant at) implements TicketEvent {
}
