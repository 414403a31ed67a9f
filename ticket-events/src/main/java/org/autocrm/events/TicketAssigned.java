package org.autocrm.events;

import java.time.Instant;

/** A ticket was assigned to one agent or one group, never both. Type {@code autocrm.ticket.assigned.v1}. */
public record TicketAssigned(
        String ticketId,
        String tenantId,
        String agentId,
        String groupId,
        String previousAgentId,
        String previousGroupId,
        Actor by,
        Instant at) implements TicketEvent {
}
