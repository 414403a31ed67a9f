package org.autocrm.routing.assignment;

import java.util.List;

/** The tickets waiting in groups' queues (MongoDB {@code assignment_waiting}), one entry per ticket. */
public interface WaitingQueue {

    /** Puts the ticket in the group's queue, replacing any earlier entry of the ticket. */
    void enqueue(QueuedTicket ticket);

    void remove(String tenantId, String ticketId);

    List<QueuedTicket> waitingIn(String tenantId, String groupId);

    /** Every (tenant, group) with at least one ticket waiting. */
    List<GroupKey> groupsWithWaitingTickets();

    record GroupKey(String tenantId, String groupId) {
    }
}
