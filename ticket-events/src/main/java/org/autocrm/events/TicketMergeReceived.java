package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** The conversation and attachments of {@code sourceTicketId} were merged into this ticket. Type {@code autocrm.ticket.merge_received.v1}. */
public record TicketMergeReceived(
        String ticketId,
        String tenantId,
        String sourceTicketId,
        long sourceNumber,
        List<MergedMessage> messages,
        List<String> attachmentIds,
        Actor by,
        Instant at) implements TicketEvent {
}
