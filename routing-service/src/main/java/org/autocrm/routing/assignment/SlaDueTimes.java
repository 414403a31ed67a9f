package org.autocrm.routing.assignment;

import java.time.Instant;
import java.util.Optional;

/**
 * The soonest SLA due time of a ticket, for the order waiting tickets are offered in. Provided by the SLA feature
 * when it runs clocks; without such a bean every ticket counts as having no SLA clock (then priority, then age).
 */
public interface SlaDueTimes {

    Optional<Instant> nextDue(String tenantId, String ticketId);
}
