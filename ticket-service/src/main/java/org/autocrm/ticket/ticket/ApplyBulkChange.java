package org.autocrm.ticket.ticket;

import java.util.List;
import org.autocrm.events.TicketStatus;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * One ticket's share of a bulk change: every non-null part is applied to this ticket in one decision, so the ticket
 * takes all of them or, refusing one, none. Tags are added and removed (not replaced), so a bulk change keeps the
 * other tags each ticket has; {@code agentId}/{@code groupId} assign as {@link AssignTicket} does; a status last.
 */
public record ApplyBulkChange(
        @TargetAggregateIdentifier String ticketId,
        CommandContext context,
        String priority,
        List<String> addTags,
        List<String> removeTags,
        String agentId,
        String groupId,
        TicketStatus status,
        String statusLabel,
        String resolutionSummary) implements TicketCommand {
}
