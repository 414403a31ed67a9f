package org.autocrm.query.ticketsearch;

import java.time.Instant;

/**
 * One ticket as the read side stores it. {@code lastSequence} is the sequence of the last event
 * applied, which is also the ticket's version.
 */
public record TicketDocument(
        String ticketId,
        String tenantId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        String status,
        String channel,
        Person createdBy,
        Instant createdAt,
        Instant updatedAt,
        long lastSequence) {

    public record Person(String userId, String role) {
    }
}
