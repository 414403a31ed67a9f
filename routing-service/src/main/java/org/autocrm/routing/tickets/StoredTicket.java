package org.autocrm.routing.tickets;

/**
 * One ticket as routing-service keeps it: the snapshot after the last event taken in and the one before it, so an
 * event delivered again is handed to the reactions with the same before and after as the first time.
 *
 * @param previous the ticket before {@code current}'s event, {@code null} when that event created it
 * @param eventId  the id of {@code current}'s event
 */
public record StoredTicket(TicketSnapshot current, TicketSnapshot previous, String eventId) {

    public long sequence() {
        return current.sequence();
    }
}
