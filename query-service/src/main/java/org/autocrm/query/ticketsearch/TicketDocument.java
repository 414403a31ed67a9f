package org.autocrm.query.ticketsearch;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One ticket as the read side stores it. {@code lastSequence} is the sequence of the last event
 * applied, which is also the ticket's version. Written by {@link TicketProjection} only.
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
        long lastSequence,
        String statusLabel,
        String agentId,
        String groupId,
        String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        String language,
        int escalationLevel,
        int publicMessages,
        int internalMessages,
        int attachments,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        String mergedInto,
        Integer satisfactionScore,
        String satisfactionScale,
        String company,
        String tier) {

    public record Person(String userId, String role) {
    }
}
