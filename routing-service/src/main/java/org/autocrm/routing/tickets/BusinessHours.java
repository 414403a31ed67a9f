package org.autocrm.routing.tickets;

import java.time.Instant;

/**
 * Whether an instant lies within a tenant's business hours (its default SLA calendar), for the rule condition
 * "created within business hours". Provided by the SLA feature; a tenant without a calendar has none.
 */
public interface BusinessHours {

    boolean within(String tenantId, Instant instant);
}
