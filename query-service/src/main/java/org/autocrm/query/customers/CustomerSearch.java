package org.autocrm.query.customers;

/**
 * SearchCustomers: which customers of the caller's tenant, in which order, from where. {@code text}
 * matches name, email addresses and company; {@code company} and {@code tier} are exact.
 */
public record CustomerSearch(String text, String company, String tier, CustomerSort sort, CustomerCursor after,
                             int size) {
}
