package org.autocrm.ticket.ticket;

import java.util.Set;
import org.autocrm.events.Actor;

/** Record a stored file on a ticket or one of its messages. */
public record RecordAttachment(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String attachmentId,
        String messageId,
        String fileName,
        String contentType,
        long size,
        String sha256,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
