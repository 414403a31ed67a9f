package org.autocrm.ticket.ticket;

import java.util.Locale;

/** Why a ticket's status changed, as {@code TicketStatusChanged.reason} records it. */
public enum StatusChangeReason {
    /** someone set the status */
    MANUAL,
    /** the customer replied to a pending or resolved ticket */
    CUSTOMER_REPLY,
    /** the ticket was merged into another and closed */
    MERGED;

    /** As events write it: {@code manual}, {@code customer_reply}, {@code merged}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
