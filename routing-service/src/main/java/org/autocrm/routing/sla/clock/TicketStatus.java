package org.autocrm.routing.sla.clock;

/**
 * The status categories a ticket moves through, named as in the ticket event contract
 * ({@code TicketStatusChanged.to}) so a status maps by name; a tenant's own labels arrive mapped to one of these.
 */
public enum TicketStatus {
    NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED;

    /** Waiting on someone else: the SLA clocks stand still. */
    boolean pausesClocks() {
        return this == PENDING || this == ON_HOLD;
    }

    /** Done for now: resolution is fulfilled, and nothing is expected of staff. */
    boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}
