package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * A ticket waiting in a group's queue for an agent to be free.
 *
 * @param eventId the event that sent it to the group: its claim, and the key of the assignment it will get
 * @param order   what decides which waiting ticket is offered first
 * @param tags    the ticket's tags, for skill matching
 */
public record QueuedTicket(String tenantId, String groupId, String eventId, WaitingTicket order, String language,
                           Set<String> tags, Instant since) {

    public QueuedTicket {
        tags = Set.copyOf(tags);
    }

    public String ticketId() {
        return order.ticketId();
    }
}
