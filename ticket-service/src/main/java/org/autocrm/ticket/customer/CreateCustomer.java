package org.autocrm.ticket.customer;

import java.util.List;
import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Create a customer profile in a tenant. Emails may be empty (a customer need not have a login or
 * an address); the first one is the primary address.
 */
public record CreateCustomer(
        @TargetAggregateIdentifier String customerId,
        String tenantId,
        String name,
        List<String> emails,
        String phone,
        String company,
        String tier,
        String language,
        String timeZone,
        String externalId,
        Actor by) {
}
