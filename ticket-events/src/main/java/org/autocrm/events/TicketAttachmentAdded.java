package org.autocrm.events;

import java.time.Instant;

/** A file was attached to a ticket or to one of its messages. Only metadata: the bytes are in the attachment store. Type {@code autocrm.ticket.attachment_added.v1}. */
public record TicketAttachmentAdded(
        String ticketId,
        String tenantId,
        String attachmentId,
        String messageId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        Actor by,
        Instant at) implements TicketEvent {
}
