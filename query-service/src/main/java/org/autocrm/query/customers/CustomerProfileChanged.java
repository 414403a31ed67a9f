package org.autocrm.query.customers;

/**
 * A customer's profile as the customer index now holds it, announced after every customer event
 * (also a redelivered one) so the views that copy the company and tier onto tickets can bring
 * them up to date. Listeners must be idempotent.
 */
public record CustomerProfileChanged(String tenantId, String customerId, String company, String tier) {
}
