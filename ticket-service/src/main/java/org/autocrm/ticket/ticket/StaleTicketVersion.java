package org.autocrm.ticket.ticket;

/** The caller's If-Match version is not the ticket's current version: someone else changed it first. */
public class StaleTicketVersion extends RuntimeException {

    private final String ticketId;
    private final long currentVersion;
    private final long expectedVersion;

    public StaleTicketVersion(String ticketId, long expectedVersion, long currentVersion) {
        super("Ticket " + ticketId + " is at version " + currentVersion + ", not " + expectedVersion
                + "; reload it and apply your change again");
        this.ticketId = ticketId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public String ticketId() {
        return ticketId;
    }

    public long currentVersion() {
        return currentVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
