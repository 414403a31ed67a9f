package org.autocrm.ticket.customer;

import java.util.Map;

/** A customer command was refused because it breaks a rule of customers. */
public class CustomerRuleViolation extends RuntimeException {

    private final CustomerRule rule;
    private final Map<String, String> details;

    public CustomerRuleViolation(CustomerRule rule, String message) {
        this(rule, message, Map.of());
    }

    public CustomerRuleViolation(CustomerRule rule, String message, Map<String, String> details) {
        super(message);
        this.rule = rule;
        this.details = Map.copyOf(details);
    }

    public static CustomerRuleViolation notFound(String customerId) {
        return new CustomerRuleViolation(CustomerRule.CUSTOMER_NOT_FOUND, "There is no customer " + customerId,
                Map.of("customerId", customerId));
    }

    public CustomerRule rule() {
        return rule;
    }

    /** Facts a caller can act on, e.g. the email and the customer that already has it. */
    public Map<String, String> details() {
        return details;
    }
}
