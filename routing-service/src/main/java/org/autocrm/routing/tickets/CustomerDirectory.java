package org.autocrm.routing.tickets;

import java.util.Optional;

/** Customers' company and tier (MongoDB {@code routing_customers} in {@code infrastructure}). */
public interface CustomerDirectory {

    Optional<CustomerProfile> find(String tenantId, String customerId);

    /** Keeps the profile unless a later event of the same customer is already kept. */
    void save(CustomerProfile profile);
}
