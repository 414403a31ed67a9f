package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** Tags were added to or removed from a ticket; {@code tags} is the full set after the change. Type {@code autocrm.ticket.tags_changed.v1}. */
public record TicketTagsChanged(
        String ticketId,
        String tenantId,
        List<String> added,
        List<String> removed,
        List<String> tags,
        Actor by,
        Instant at) implements TicketEvent {
}
