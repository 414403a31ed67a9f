package org.autocrm.events;

import java.time.Instant;

/** A ticket moved to another status. {@code reason} is {@code manual}, {@code customer_reply} or {@code merged}; {@code resolutionSummary} is set when it moved to RESOLVED. Type {@code autocrm.ticket.status_changed.v1}. */
public record TicketStatusChanged(
        String ticketId,
        String tenantId,
        TicketStatus from,
        TicketStatus to,
        String statusLabel,
        String reason,
        String resolutionSummary,
        Actor by,
        Instant at) implements TicketEvent {
}
