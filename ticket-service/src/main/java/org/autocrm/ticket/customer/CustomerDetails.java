package org.autocrm.ticket.customer;

import jakarta.annotation.Nullable;
import java.util.List;

/** A customer's profile as last saved, with the version to send back in If-Match. */
public record CustomerDetails(String customerId, String name, List<String> emails,
                              @Nullable String phone,
                              @Nullable String company,
                              @Nullable String tier,
                              @Nullable String language,
                              @Nullable String timeZone,
                              @Nullable String externalId,
                              long version) {
}
