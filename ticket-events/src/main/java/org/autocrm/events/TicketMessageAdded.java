package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A message was written on a ticket. {@code visibility} is {@code public} (the customer sees it), {@code internal} (staff) or {@code admin_only}; {@code threadKind} is {@code external} (with the customer) or {@code internal} (between team members). Type {@code autocrm.ticket.message_added.v1}. */
public record TicketMessageAdded(
        String ticketId,
        String tenantId,
        String messageId,
        String threadId,
        String threadKind,
        String visibility,
        String body,
        List<String> mentions,
        List<String> attachmentIds,
        Actor by,
        Instant at) implements TicketEvent {
}
