package org.autocrm.ticket.ticket;

import java.util.Map;

/** A ticket command was refused because it breaks a rule of the ticket. */
public class TicketRuleViolation extends RuntimeException {

    private final TicketRule rule;
    private final transient Map<String, Object> details;

    public TicketRuleViolation(TicketRule rule, String message) {
        this(rule, message, Map.of());
    }

    /** With details a client can act on, e.g. the current status and the allowed ones. */
    public TicketRuleViolation(TicketRule rule, String message, Map<String, Object> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public TicketRule rule() {
        return rule;
    }

    public Map<String, Object> details() {
        return details;
    }
}
