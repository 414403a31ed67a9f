package org.autocrm.routing.tickets;

import java.util.Optional;

/** Where routing-service keeps its view of every ticket (MongoDB {@code routing_tickets} in {@code infrastructure}). */
public interface TicketViewStore {

    Optional<StoredTicket> find(String tenantId, String ticketId);

    /**
     * Stores the ticket if what is stored is still at {@code expectedSequence} ({@code -1}: nothing stored yet).
     *
     * @return false when another instance got there first: nothing changes, and the event is taken in again
     */
    boolean save(StoredTicket ticket, long expectedSequence);
}
