package org.autocrm.ticket.ticket;

import java.util.List;

/**
 * The priorities a ticket may have. Every tenant starts with the defaults, lowest first;
 * tenant-defined priority lists replace them in the ticket-configuration work.
 */
public final class TicketPriorities {

    public static final List<String> DEFAULTS = List.of("LOW", "MEDIUM", "HIGH", "URGENT");

    private TicketPriorities() {
    }

    public static boolean isKnown(String priority) {
        return priority != null && DEFAULTS.contains(priority);
    }
}
