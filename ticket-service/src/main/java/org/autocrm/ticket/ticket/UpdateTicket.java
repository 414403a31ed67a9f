package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.autocrm.events.Actor;

/** Edit a ticket: every non-null part is changed, each as its own event. {@code customFields} holds only the fields to change (a null value clears one). */
public record UpdateTicket(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String subject,
        String description,
        String priority,
        String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
