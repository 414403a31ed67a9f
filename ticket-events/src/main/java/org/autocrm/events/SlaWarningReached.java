package org.autocrm.events;

import java.time.Instant;

/** An SLA target is close to its due time (the policy's warning lead time). Type {@code autocrm.sla.warning_reached.v1}. */
public record SlaWarningReached(
        String ticketId,
        String tenantId,
        String policyId,
        String metric,
        Instant dueAt,
        Actor by,
        Instant at) implements SlaEvent {
}
