package org.autocrm.ticket.customer;

/** The result of creating or updating a customer: its id and the version it is now at (0 when created). */
public record SavedCustomer(String customerId, long version) {
}
