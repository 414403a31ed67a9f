package org.autocrm.query.live;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.autocrm.query.ticketsearch.TicketDocument;

/**
 * One ticket event as the live stream needs it: where it is on the topic and what it changed, without its
 * payload (message bodies and the like are read from the ticket index, through the read API's visibility rules,
 * when a caller is shown the change).
 *
 * @param messageIds    the messages it added (one written, or those a merge brought)
 * @param attachmentId  the file it added
 * @param previousAgent the assignment it replaced (assignments only), to tell those who no longer see the ticket
 */
record TicketChange(int partition, long offset, Instant receivedAt, String eventId, String type, String tenantId,
                    String ticketId, long sequence, Instant time, TicketDocument.Person by, List<String> messageIds,
                    String attachmentId, boolean reassigned, String previousAgent, String previousGroup,
                    String customFieldKey) {

    static final String ASSIGNED = "autocrm.ticket.assigned.v1";
    static final String UNASSIGNED = "autocrm.ticket.unassigned.v1";
    static final String MESSAGE_ADDED = "autocrm.ticket.message_added.v1";
    static final String MERGE_RECEIVED = "autocrm.ticket.merge_received.v1";
    static final String ATTACHMENT_ADDED = "autocrm.ticket.attachment_added.v1";
    static final String CUSTOM_FIELD_CHANGED = "autocrm.ticket.custom_field_changed.v1";

    /** The change an envelope describes, or null when it is not a ticket event of a tenant as the contract has it. */
    static TicketChange of(int partition, long offset, Instant receivedAt, JsonNode envelope) {
        String type = envelope.path("type").asText("");
        String tenantId = envelope.path("tenantId").asText(null);
        String ticketId = envelope.path("subject").asText(null);
        JsonNode data = envelope.path("data");
        JsonNode by = data.path("by");
        if (!type.startsWith("autocrm.ticket.") || tenantId == null || ticketId == null || !by.isObject()) {
            return null;
        }
        List<String> messageIds = new ArrayList<>();
        if (MESSAGE_ADDED.equals(type)) {
            messageIds.add(data.path("messageId").asText());
        } else if (MERGE_RECEIVED.equals(type)) {
            data.path("messages").forEach(message -> messageIds.add(message.path("messageId").asText()));
        }
        Instant time = instant(envelope.path("time").asText(null));
        boolean reassigned = ASSIGNED.equals(type) || UNASSIGNED.equals(type);
        return new TicketChange(partition, offset, receivedAt, envelope.path("id").asText(null), type, tenantId,
                ticketId, envelope.path("sequence").asLong(-1), time,
                new TicketDocument.Person(by.path("userId").asText(null), by.path("role").asText(null)),
                List.copyOf(messageIds), ATTACHMENT_ADDED.equals(type) ? data.path("attachmentId").asText(null) : null,
                reassigned, reassigned ? data.path("previousAgentId").asText(null) : null,
                reassigned ? data.path("previousGroupId").asText(null) : null,
                CUSTOM_FIELD_CHANGED.equals(type) ? data.path("key").asText(null) : null);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
