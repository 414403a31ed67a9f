package org.autocrm.query.ticketsearch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.autocrm.access.Caller;

/**
 * A ticket's messages and files, and which of them a caller may read ({@link TicketVisibility#readsMessage}).
 *
 * <p>A file belongs to the messages that name it (its upload's {@code messageId}, a message's
 * {@code attachmentIds}): the caller sees it when they may read one of those messages. A file that names only a
 * message not on this ticket (yet) is shown to staff only, so that an attachment of a note never reaches a customer
 * before its note does. A file of no message is the ticket's own and seen by everyone who sees the ticket.
 */
final class Conversation {

    private final TicketDocument ticket;
    private final Map<String, TicketDocument.Message> messages = new LinkedHashMap<>();
    private final Map<String, TicketDocument.File> files = new LinkedHashMap<>();
    private final Map<String, Set<String>> messagesOfFile = new LinkedHashMap<>();
    private final Set<String> ownFiles = new LinkedHashSet<>();

    /**
     * @param mergedFiles what the documents of the tickets merged into this one say about their files, by id
     */
    Conversation(TicketDocument ticket, Map<String, TicketDocument.File> mergedFiles) {
        this.ticket = ticket;
        listOrEmpty(ticket.messages()).forEach(message -> messages.putIfAbsent(message.messageId(), message));
        for (TicketDocument.File file : listOrEmpty(ticket.files())) {
            TicketDocument.File described = file.fileName() == null && mergedFiles.containsKey(file.attachmentId())
                    ? withMergedFrom(mergedFiles.get(file.attachmentId()), file.mergedFrom()) : file;
            files.putIfAbsent(file.attachmentId(), described);
            ownFiles.add(file.attachmentId());
            if (file.messageId() != null) {
                link(file.attachmentId(), file.messageId());
            }
        }
        messages.values().forEach(message -> listOrEmpty(message.attachmentIds())
                .forEach(attachmentId -> link(attachmentId, message.messageId())));
        mergedFiles.forEach(files::putIfAbsent);
    }

    ConversationView view(Caller caller) {
        List<AttachmentView> ticketFiles = files.values().stream()
                .filter(file -> !messagesOfFile.containsKey(file.attachmentId()) && isOwn(file))
                .map(AttachmentView::of).toList();
        return new ConversationView(ticket.ticketId(), ticket.lastSequence(), messages(caller, messages.keySet()),
                ticketFiles);
    }

    /** Those of these messages the caller may read, oldest first. */
    List<MessageView> messages(Caller caller, Collection<String> messageIds) {
        return messageIds.stream().distinct().map(messages::get)
                .filter(message -> message != null && TicketVisibility.readsMessage(caller, message.visibility()))
                .sorted(Comparator.comparing(TicketDocument.Message::at, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(this::view).toList();
    }

    /** The file, if the caller may see it. */
    Optional<AttachmentView> attachment(Caller caller, String attachmentId) {
        TicketDocument.File file = files.get(attachmentId);
        if (file == null || !isOwn(file) || !readsFile(caller, attachmentId)) {
            return Optional.empty();
        }
        return Optional.of(AttachmentView.of(file));
    }

    private boolean readsFile(Caller caller, String attachmentId) {
        Set<String> linked = messagesOfFile.getOrDefault(attachmentId, Set.of());
        if (linked.isEmpty()) {
            return true;
        }
        boolean anyKnown = false;
        for (String messageId : linked) {
            TicketDocument.Message message = messages.get(messageId);
            if (message != null) {
                anyKnown = true;
                if (TicketVisibility.readsMessage(caller, message.visibility())) {
                    return true;
                }
            }
        }
        return !anyKnown && TicketVisibility.readsMessage(caller, TicketVisibility.INTERNAL);
    }

    private MessageView view(TicketDocument.Message message) {
        Set<String> attachmentIds = new LinkedHashSet<>(listOrEmpty(message.attachmentIds()));
        messagesOfFile.forEach((attachmentId, messageIds) -> {
            if (messageIds.contains(message.messageId())) {
                attachmentIds.add(attachmentId);
            }
        });
        List<AttachmentView> attachments = new ArrayList<>();
        for (String attachmentId : attachmentIds) {
            TicketDocument.File file = files.get(attachmentId);
            attachments.add(file == null ? AttachmentView.unknown(attachmentId) : AttachmentView.of(file));
        }
        return new MessageView(message.messageId(), message.threadId(), message.threadKind(), message.visibility(),
                message.body() == null ? "" : message.body(), listOrEmpty(message.mentions()), message.by(),
                message.at(), attachments, message.mergedFrom() == null ? null : message.mergedFrom().ticketId(),
                message.mergedFrom() == null ? null : message.mergedFrom().number());
    }

    /** A file of this ticket (its own or merged in), not merely described by a merged ticket's document. */
    private boolean isOwn(TicketDocument.File file) {
        return ownFiles.contains(file.attachmentId());
    }

    private void link(String attachmentId, String messageId) {
        messagesOfFile.computeIfAbsent(attachmentId, id -> new LinkedHashSet<>()).add(messageId);
    }

    private static TicketDocument.File withMergedFrom(TicketDocument.File file, String mergedFrom) {
        return new TicketDocument.File(file.attachmentId(), file.messageId(), file.fileName(), file.contentType(),
                file.size(), file.by(), file.at(), mergedFrom);
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
