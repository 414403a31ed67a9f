package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/** A customer profile was edited; every field holds its value after the change. Type {@code autocrm.customer.updated.v1}. */
public record CustomerUpdated(
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
