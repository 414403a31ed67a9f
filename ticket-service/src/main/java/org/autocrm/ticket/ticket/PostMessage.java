package org.autocrm.ticket.ticket;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Write on a ticket: a public reply, an internal note or an admin-only note, in the external or an internal thread. */
public record PostMessage(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String messageId,
        String threadId,
        String threadKind,
        String visibility,
        String body,
        List<String> mentions,
        List<String> attachmentIds) implements TicketCommand {
}
