package org.autocrm.query.ticketsearch;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.access.Caller;
import org.autocrm.query.customfields.CustomerVisibleFields;

/**
 * A ticket as the index holds it at one moment, for code outside this package that has to show a change of it
 * (the live stream) or check who may see it (presence). It answers only through the read API's own visibility
 * rules, so what it gives a caller is what the caller could read with {@code GET /api/tickets/{id}} and
 * {@code GET /api/tickets/{id}/messages}.
 */
public final class TicketSnapshot {

    private final TicketDocument document;
    private final Conversation conversation;
    private final CustomerVisibleFields customerVisible;

    TicketSnapshot(TicketDocument document, Map<String, TicketDocument.File> mergedFiles, CustomerVisibleFields customerVisible) {
        this.document = document;
        this.customerVisible = customerVisible;
        this.conversation = new Conversation(document, mergedFiles);
    }

    public String ticketId() {
        return document.ticketId();
    }

    public String tenantId() {
        return document.tenantId();
    }

    /** The sequence of the last event the document includes. */
    public long version() {
        return document.lastSequence();
    }

    public boolean visibleTo(Caller caller) {
        return TicketVisibility.sees(caller, document);
    }

    /** Whether the caller saw the ticket while it was assigned to this agent and group (before a reassignment). */
    public boolean visibleWhenAssigned(Caller caller, String agentId, String groupId) {
        return TicketVisibility.seesWhenAssigned(caller, document, agentId, groupId);
    }

    /** The ticket as {@code GET /api/tickets/{id}} shows it to the caller; only for a caller it is {@link #visibleTo}. */
    public TicketView viewFor(Caller caller) {
        requireVisible(caller);
        return TicketView.of(document, caller, customerVisible);
    }

    /** The conversation as {@code GET /api/tickets/{id}/messages} shows it; only for a caller it is visible to. */
    public ConversationView conversationFor(Caller caller) {
        requireVisible(caller);
        return conversation.view(caller);
    }

    /** Whether the caller sees this custom field of the ticket (customers not an agent-only one). */
    public boolean showsCustomField(Caller caller, String key) {
        return key != null && TicketVisibility.seesField(caller, key, customerVisible);
    }

    /** Those of these messages the caller may read (none for a caller the ticket is not visible to). */
    public List<MessageView> messagesFor(Caller caller, Collection<String> messageIds) {
        return visibleTo(caller) ? conversation.messages(caller, messageIds) : List.of();
    }

    /** The file, if the caller may see it. */
    public Optional<AttachmentView> attachmentFor(Caller caller, String attachmentId) {
        return visibleTo(caller) ? conversation.attachment(caller, attachmentId) : Optional.empty();
    }

    private void requireVisible(Caller caller) {
        if (!visibleTo(caller)) {
            throw new IllegalStateException("Ticket " + ticketId() + " is not visible to this caller");
        }
    }
}
