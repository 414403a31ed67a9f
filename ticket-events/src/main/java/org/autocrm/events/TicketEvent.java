package org.autocrm.events;

/** A change to one ticket. Every implementation is a record listed in {@link TicketEventTypes}. */
public interface TicketEvent {

    /** The ticket the event belongs to (the envelope's {@code subject}). */
    String ticketId();

    /** The tenant the ticket belongs to. */
    String tenantId();
}
