package org.autocrm.query.customers;

import java.util.List;

/**
 * The profiles a batch of customer events left in the customer index, announced once per batch (a Kafka poll) so
 * the views that copy company and tier refresh and search their index once for all of them, not once per customer
 * (which made a bulk customer import slow). Listeners must be idempotent.
 */
public record CustomerProfilesChanged(List<CustomerProfileChanged> changes) {

    public CustomerProfilesChanged {
        changes = List.copyOf(changes);
    }
}
