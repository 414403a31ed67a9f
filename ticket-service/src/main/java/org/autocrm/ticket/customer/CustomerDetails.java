package org.autocrm.ticket.customer;

import java.util.List;

/** A customer's profile as last saved, with the version to send back in If-Match. */
public record CustomerDetails(String customerId, String name, List<String> emails, String phone, String company,
                              String tier, String language, String timeZone, String externalId, long version) {
}
