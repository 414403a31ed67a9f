package org.autocrm.ticket.customer;

import java.net.URI;
import java.util.Map;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;

/** The rules a customer command can break; each code is stable and its kind decides the HTTP status. */
public enum CustomerRule implements Refusal {
    CUSTOMER_NAME_REQUIRED(Kind.INVALID_INPUT, "name"),
    CUSTOMER_EMAIL_INVALID(Kind.INVALID_INPUT, "emails"),
    CUSTOMER_LANGUAGE_INVALID(Kind.INVALID_INPUT, "language"),
    CUSTOMER_TIME_ZONE_INVALID(Kind.INVALID_INPUT, "timeZone"),
    /** Another customer of the tenant already has one of the addresses. */
    CUSTOMER_EMAIL_TAKEN(Kind.CONFLICT, null),
    /** No such customer in the caller's tenant. */
    CUSTOMER_NOT_FOUND(Kind.NOT_FOUND, null),
    /** The caller's role may not create or edit customers. */
    CUSTOMER_EDIT_FORBIDDEN(Kind.FORBIDDEN, null);

    private static final URI RULE_BROKEN = URI.create("https://autocrm.org/problems/customer-rule");

    private final Kind kind;
    private final String field;

    CustomerRule(Kind kind, String field) {
        this.kind = kind;
        this.field = field;
    }

    /** There is no such customer for the caller. */
    public static Refused notFound(String customerId) {
        return new Refused(CUSTOMER_NOT_FOUND, "There is no customer " + customerId, Map.of("customerId", customerId));
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** The request field the rule is about, or null when it is about the customer as a whole. */
    @Override
    public String field() {
        return field;
    }

    @Override
    public URI type() {
        return RULE_BROKEN;
    }

    @Override
    public String title() {
        return kind == Kind.NOT_FOUND ? "No such customer" : "The customer cannot do that";
    }
}
