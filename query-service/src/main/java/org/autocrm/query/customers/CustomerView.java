package org.autocrm.query.customers;

import java.time.Instant;
import java.util.List;

/** A customer as the customer list shows it: the profile and their tickets in figures. */
public record CustomerView(
        String customerId,
        String name,
        List<String> emails,
        String phone,
        String company,
        String tier,
        String language,
        String timeZone,
        String externalId,
        long ticketsTotal,
        long ticketsOpen,
        Instant lastContactAt,
        Instant createdAt,
        Instant updatedAt) {
}
