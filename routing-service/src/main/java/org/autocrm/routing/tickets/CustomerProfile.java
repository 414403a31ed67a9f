package org.autocrm.routing.tickets;

/**
 * What rules know of a ticket's customer, kept from {@code autocrm.customers.v1}.
 *
 * @param sequence the sequence of the customer event this profile includes, so an older event never overwrites it
 */
public record CustomerProfile(String tenantId, String customerId, String company, String tier, long sequence) {
}
