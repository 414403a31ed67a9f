package org.autocrm.ticket.ticket;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a stored file on a ticket or one of its messages. */
public record RecordAttachment(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String attachmentId,
        String messageId,
        String fileName,
        String contentType,
        long size,
        String sha256) implements TicketCommand {
}
