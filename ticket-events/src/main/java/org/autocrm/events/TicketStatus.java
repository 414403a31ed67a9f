package org.autocrm.events;

/** The fixed status categories; a tenant's own status labels each map to one of these. */
public enum TicketStatus {
    NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED
}
