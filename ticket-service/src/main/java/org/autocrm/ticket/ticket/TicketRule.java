package org.autocrm.ticket.ticket;

/** The rules a ticket command can break; each code is stable and mapped to one HTTP status. */
public enum TicketRule {
    SUBJECT_REQUIRED("subject"),
    CUSTOMER_REQUIRED("customerId"),
    UNKNOWN_PRIORITY("priority");

    private final String field;

    TicketRule(String field) {
        this.field = field;
    }

    /** The request field the rule is about, or null when it is about the ticket as a whole. */
    public String field() {
        return field;
    }
}
