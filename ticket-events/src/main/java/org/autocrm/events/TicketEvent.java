package org.autocrm.events;

/** A change to one ticket, published on {@link EventStreams#TICKETS}. */
public interface TicketEvent extends PublishedEvent {

    String ticketId();

    @Override
    default String aggregateId() {
        return ticketId();
    }
}
