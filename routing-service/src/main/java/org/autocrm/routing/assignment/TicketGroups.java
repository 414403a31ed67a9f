package org.autocrm.routing.assignment;

import java.util.Optional;

/**
 * The group each ticket was last in. ticket-service assigns a ticket to an agent or a group, never both, so once an
 * agent has it the snapshot no longer names the group; a reopened ticket whose agent is away goes back to this one.
 */
public interface TicketGroups {

    void remember(String tenantId, String ticketId, String groupId);

    Optional<String> lastGroup(String tenantId, String ticketId);
}
