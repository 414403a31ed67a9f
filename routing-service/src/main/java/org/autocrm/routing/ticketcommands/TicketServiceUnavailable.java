package org.autocrm.routing.ticketcommands;

/** ticket-service (or the token endpoint) could not be reached or failed (5xx): worth trying again later. */
public class TicketServiceUnavailable extends RuntimeException {

    public TicketServiceUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
