package org.autocrm.ticket.customer;

/** The rules a customer command can break; each code is stable and mapped to one HTTP status. */
public enum CustomerRule {
    CUSTOMER_NAME_REQUIRED("name"),
    CUSTOMER_EMAIL_INVALID("emails"),
    CUSTOMER_LANGUAGE_INVALID("language"),
    CUSTOMER_TIME_ZONE_INVALID("timeZone"),
    /** Another customer of the tenant already has one of the addresses. */
    CUSTOMER_EMAIL_TAKEN(null),
    /** No such customer in the caller's tenant. */
    CUSTOMER_NOT_FOUND(null),
    /** The caller's role may not create or edit customers. */
    CUSTOMER_EDIT_FORBIDDEN(null);

    private final String field;

    CustomerRule(String field) {
        this.field = field;
    }

    /** The request field the rule is about, or null when it is about the customer as a whole. */
    public String field() {
        return field;
    }
}
