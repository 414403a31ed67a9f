package org.autocrm.query.customers;

import jakarta.annotation.Nullable;
import java.time.Instant;
import java.util.List;

/** A customer as the customer list shows it: the profile and their tickets in figures. */
public record CustomerView(
        String customerId,
        String name,
        List<String> emails,
        @Nullable String phone,
        @Nullable String company,
        @Nullable String tier,
        @Nullable String language,
        @Nullable String timeZone,
        @Nullable String externalId,
        long ticketsTotal,
        long ticketsOpen,
        @Nullable Instant lastContactAt,
        Instant createdAt,
        Instant updatedAt) {
}
