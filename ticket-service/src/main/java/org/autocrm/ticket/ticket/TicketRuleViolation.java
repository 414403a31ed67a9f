package org.autocrm.ticket.ticket;

/** A ticket command was refused because it breaks a rule of the ticket. */
public class TicketRuleViolation extends RuntimeException {

    private final TicketRule rule;

    public TicketRuleViolation(TicketRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public TicketRule rule() {
        return rule;
    }
}
