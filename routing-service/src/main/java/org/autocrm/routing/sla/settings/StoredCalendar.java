package org.autocrm.routing.sla.settings;

import java.time.Instant;
import org.autocrm.routing.sla.calendar.BusinessCalendar;

/**
 * A tenant's business calendar as kept: a name, the valid calendar, whether it is the tenant's default (the one a
 * policy without a calendar of its own counts in, and the one "within business hours" means) and its bookkeeping.
 * {@code version} starts at 0 and grows by one with each change.
 */
public record StoredCalendar(String tenantId, String id, String name, BusinessCalendar calendar, boolean isDefault,
                             long version, Instant createdAt, Instant updatedAt) {
}
