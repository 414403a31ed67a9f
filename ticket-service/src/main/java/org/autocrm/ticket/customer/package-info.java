/**
 * Customers of a tenant: the {@code Customer} aggregate (event-sourced) with its commands, rules
 * and use cases ({@code CreatingCustomer}, {@code UpdatingCustomer}), and the PostgreSQL tables
 * that keep emails unique per tenant and answer {@link org.autocrm.ticket.ticket.CustomerDirectory}.
 * {@code customer.web} turns HTTP into commands and queries.
 *
 * <p>Emits {@code autocrm.customer.created.v1} and {@code autocrm.customer.updated.v1} on
 * {@code autocrm.customers.v1} (published by the publishing package like every event).
 */
package org.autocrm.ticket.customer;
