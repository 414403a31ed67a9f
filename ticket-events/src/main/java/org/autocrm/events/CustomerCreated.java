package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A customer profile was created. Type {@code autocrm.customer.created.v1}. */
public record CustomerCreated(
        String customerId,
        String tenantId,
        String name,
        List<String> emails,
        String phone,
        String company,
        String tier,
        String language,
        String timeZone,
        String externalId,
        Actor by,
        Instant at) implements CustomerEvent {
}
