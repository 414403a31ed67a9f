package org.autocrm.ticket.ticket;

import java.util.ArrayList;
import java.util.List;
import org.autocrm.events.MergedMessage;
import org.autocrm.events.TicketAttachmentAdded;
import org.autocrm.events.TicketMergeReceived;
import org.autocrm.events.TicketMessageAdded;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * A ticket's messages and attachments, as far as its rules need them: they are what moves to the
 * target ticket when a duplicate is merged. A member of the {@link Ticket} aggregate, rebuilt from
 * the same events.
 */
class Conversation {

    private final List<MergedMessage> messages = new ArrayList<>();
    private final List<String> attachmentIds = new ArrayList<>();

    /** What moves from ticket #{@code number} to the ticket it is merged into. */
    MergeContent toMerge(String ticketId, long number) {
        return new MergeContent(ticketId, number, List.copyOf(messages), List.copyOf(attachmentIds));
    }

    @EventSourcingHandler
    void on(TicketMessageAdded event) {
        messages.add(new MergedMessage(event.messageId(), event.threadId(), event.threadKind(), event.visibility(),
                event.body(), event.by(), event.at(), event.attachmentIds()));
    }

    @EventSourcingHandler
    void on(TicketAttachmentAdded event) {
        attachmentIds.add(event.attachmentId());
    }

    @EventSourcingHandler
    void on(TicketMergeReceived event) {
        messages.addAll(event.messages());
        attachmentIds.addAll(event.attachmentIds());
    }
}
