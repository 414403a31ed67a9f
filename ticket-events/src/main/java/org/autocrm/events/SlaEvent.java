package org.autocrm.events;

/**
 * A change of a ticket's SLA clocks, published by routing-service on {@link EventStreams#SLA}, keyed by ticket id.
 * The aggregate is the ticket's SLA clock: its sequence counts the SLA events of that ticket, from 0.
 */
public interface SlaEvent extends PublishedEvent {

    String ticketId();

    @Override
    default String aggregateId() {
        return ticketId();
    }
}
