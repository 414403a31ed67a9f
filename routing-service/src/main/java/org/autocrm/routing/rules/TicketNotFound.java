package org.autocrm.routing.rules;

/** routing-service has not seen this ticket in the caller's tenant (404 {@code TICKET_NOT_FOUND}). */
public class TicketNotFound extends RuntimeException {

    public TicketNotFound(String ticketId) {
        super("No ticket " + ticketId + " is known to routing-service in this tenant (it reads tickets from the "
                + "ticket stream; a ticket just created may take a moment to arrive)");
    }
}
