package org.autocrm.ticket.customer;

import java.util.List;
import org.autocrm.events.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace every editable field of a customer profile.
 *
 * @param expectedVersion the version the caller last saw (If-Match), or null to overwrite whatever is there
 */
public record UpdateCustomer(
        @TargetAggregateIdentifier String customerId,
        String tenantId,
        Long expectedVersion,
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
