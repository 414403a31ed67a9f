package org.autocrm.events;

import java.time.Instant;

/** One custom field value of a ticket changed ({@code value} null when cleared). Type {@code autocrm.ticket.custom_field_changed.v1}. */
public record TicketCustomFieldChanged(
        String ticketId,
        String tenantId,
        String key,
        Object previousValue,
        Object value,
        Actor by,
        Instant at) implements TicketEvent {
}
