package org.autocrm.ticket.ticket;

import java.util.List;
import java.util.Set;
import org.autocrm.events.Actor;

/** Write on a ticket: a public reply, an internal note or an admin-only note, in the external or an internal thread. */
public record PostMessage(
        String ticketId,
        String tenantId,
        Long expectedVersion,
        String messageId,
        String threadId,
        String threadKind,
        String visibility,
        String body,
        List<String> mentions,
        List<String> attachmentIds,
        Actor by,
        Set<String> byGroups) implements TicketCommand {
}
