package org.autocrm.query.ticketsearch;

import jakarta.annotation.Nullable;
import java.time.Instant;

/**
 * A file attached to a ticket or to one of its messages, as the conversation shows it (the bytes are downloaded
 * from ticket-service: {@code GET /api/tickets/{id}/attachments/{attachmentId}}). Name, type, size, author and
 * time are null where they are not known here: a file merged in from another ticket whose document does not
 * describe it.
 *
 * @param messageId  the message it was attached to, when the upload named one
 * @param size       bytes
 * @param uploadedBy the user id of who attached it
 * @param mergedFrom the ticket it was merged in from
 */
public record AttachmentView(
        String attachmentId,
        @Nullable String messageId,
        @Nullable String fileName,
        @Nullable String contentType,
        @Nullable Long size,
        @Nullable String uploadedBy,
        @Nullable Instant uploadedAt,
        @Nullable String mergedFrom) {

    static AttachmentView of(TicketDocument.File file) {
        return new AttachmentView(file.attachmentId(), file.messageId(), file.fileName(), file.contentType(),
                file.size(), file.by() == null ? null : file.by().userId(), file.at(), file.mergedFrom());
    }

    static AttachmentView unknown(String attachmentId) {
        return new AttachmentView(attachmentId, null, null, null, null, null, null, null);
    }
}
