package org.autocrm.ticket.customer;

/** Which profile does this customer of this tenant have? Answered with an optional {@link CustomerDetails}. */
public record FindCustomer(String tenantId, String customerId) {
}
