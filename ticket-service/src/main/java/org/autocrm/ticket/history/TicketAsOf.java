package org.autocrm.ticket.history;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.events.Actor;
import org.autocrm.events.TicketStatus;

/** A ticket as it was at {@code asOf}, rebuilt from its events; {@code version} is its last event then. */
public record TicketAsOf(
        String ticketId,
        long number,
        String subject,
        String description,
        String customerId,
        String priority,
        TicketStatus status,
        @Nullable String statusLabel,
        @Nullable String resolutionSummary,
        String channel,
        @Nullable String language,
        @Nullable String categoryId,
        List<String> tags,
        Map<String, Object> customFields,
        @Nullable String agentId,
        @Nullable String groupId,
        int escalationLevel,
        List<Message> messages,
        List<Attachment> attachments,
        List<String> linkedTickets,
        @Nullable String mergedInto,
        @Nullable Rating satisfaction,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Instant asOf) {

    public record Message(String messageId, String threadId, String threadKind, String visibility, String body,
                          List<String> mentions, List<String> attachmentIds, Actor by, Instant at) {
    }

    public record Attachment(String attachmentId, @Nullable String messageId, String fileName,
                             String contentType, long size, String sha256) {
    }

    public record Rating(String scale, int score, @Nullable String comment, Instant at) {
    }
}
