package org.autocrm.ticket.ticket;

import java.util.List;
import org.autocrm.events.Actor;
import org.autocrm.ticket.refusal.Refused;

/**
 * A message as a ticket records it: placed where its writer may put it ({@link MessagePlacement}),
 * its body sanitised and not empty, in the thread it names or else the ticket's own thread of its
 * kind, with the mentions of someone of the organisation (a customer mentions no one).
 */
record NewMessage(String threadId, MessagePlacement placement, String body, List<String> mentions,
                  List<String> attachmentIds) {

    static NewMessage of(PostMessage command, String ticketId) {
        Actor by = command.context().by();
        MessagePlacement placement = MessagePlacement.of(command.visibility(), command.threadKind(), by);
        String body = RichText.sanitise(command.body());
        if (body.isEmpty()) {
            throw new Refused(TicketRule.BODY_REQUIRED, "body is required and cannot be only markup");
        }
        String threadId = command.threadId() != null ? command.threadId()
                : placement.threadKind().wireName() + ":" + ticketId;
        List<String> mentions = TicketPermissions.actsForOrganisation(by) ? Mentions.of(body, command.mentions())
                : List.of();
        List<String> attachments = command.attachmentIds() == null ? List.of() : List.copyOf(command.attachmentIds());
        return new NewMessage(threadId, placement, body, mentions, attachments);
    }
}
