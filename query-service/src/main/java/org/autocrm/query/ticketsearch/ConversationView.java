package org.autocrm.query.ticketsearch;

import java.util.List;

/**
 * A ticket's conversation as the caller may read it: customers the public replies, staff and API keys also the
 * internal notes, admins also the admin-only notes; oldest first.
 *
 * @param version     the ticket's version this answer includes (as {@code GET /api/tickets/{id}} says it)
 * @param messages    the messages the caller may read, each with its attachments
 * @param attachments files attached to the ticket itself, not to a message
 */
public record ConversationView(String ticketId, long version, List<MessageView> messages,
                               List<AttachmentView> attachments) {
}
