package org.autocrm.query.ticketsearch;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.query.sla.SlaSummary;

/**
 * One ticket as the read side stores it. {@code lastSequence} is the sequence of the last event
 * applied, which is also the ticket's version. Written by {@link TicketProjection} only.
 *
 * <p>{@code messages} and {@code files} are the conversation and the attachments' metadata, in event order. They
 * are kept in the document's source only (not indexed) and read only where the conversation is shown; lists and
 * searches leave them out. Documents written before they existed have none until the projection is rebuilt.
 *
 * <p>{@code internalMessages} counts internal notes, {@code adminMessages} admin-only notes and notes of a
 * visibility this service does not know (documents written before the split count admin-only notes as internal
 * until the projection is rebuilt).
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
        int adminMessages,
        int attachments,
        Instant firstResponseAt,
        Instant resolvedAt,
        Instant closedAt,
        String mergedInto,
        Integer satisfactionScore,
        String satisfactionScale,
        String company,
        String tier,
        List<Message> messages,
        List<File> files,
        SlaSummary sla) {

    public record Person(String userId, String role) {
    }

    /** A message as it was written ({@code autocrm.ticket.message_added.v1}) or merged in from another ticket. */
    public record Message(String messageId, String threadId, String threadKind, String visibility, String body,
                          List<String> mentions, List<String> attachmentIds, Person by, Instant at,
                          MergedFrom mergedFrom) {
    }

    /** The ticket a merged message or file came from. */
    public record MergedFrom(String ticketId, Long number) {
    }

    /**
     * An attachment's metadata ({@code autocrm.ticket.attachment_added.v1}); for one merged in from another ticket
     * only its id and {@code mergedFrom}, the rest is on that ticket's document.
     */
    public record File(String attachmentId, String messageId, String fileName, String contentType, Long size,
                       Person by, Instant at, String mergedFrom) {
    }
}
