package org.autocrm.query.ticketsearch;

import java.time.Instant;

/** A ticket as the read API shows it; {@code version} is the sequence of the last change. */
public record TicketView(
        String ticketId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        String status,
        String channel,
        TicketDocument.Person createdBy,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static TicketView of(TicketDocument document) {
        return new TicketView(document.ticketId(), document.number(), document.subject(), document.description(),
                document.customerId(), document.priority(), document.status(), document.channel(),
                document.createdBy(), document.createdAt(), document.updatedAt(), document.lastSequence());
    }
}
