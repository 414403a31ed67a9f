package org.autocrm.ticket.ticket;

import java.util.List;
import org.autocrm.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Apply a macro (a canned response with actions) to a ticket as the agent in the context: post its body, with the
 * placeholders filled in, as a public reply or an internal note, then make each change through the ticket's own
 * commands, all in one decision (every part or none). With {@code preview} nothing happens: the answer only says
 * what would.
 *
 * @param bodyTemplate the macro's body with placeholders such as {{customer.name}}
 * @param agentName    the name {{agent.name}} stands for (the caller's display name, else their user id)
 * @param agentId      the agent to assign the ticket to, already resolved from "me"; null to leave it
 */
public record ApplyMacro(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String messageId,
        String bodyTemplate,
        String agentName,
        boolean internalNote,
        TicketStatus status,
        String resolutionSummary,
        String priority,
        List<String> addTags,
        List<String> removeTags,
        String agentId,
        String groupId,
        boolean preview) implements TicketCommand {
}
