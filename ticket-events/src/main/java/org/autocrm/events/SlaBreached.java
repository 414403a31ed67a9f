package org.autocrm.events;

import java.time.Instant;

/**
 * An SLA target passed its due time unmet. {@code at} is when the breach was noticed (within seconds of
 * {@code dueAt}). Type {@code autocrm.sla.breached.v1}.
 */
public record SlaBreached(
        String ticketId,
        String tenantId,
        String policyId,
        String metric,
        Instant dueAt,
        Actor by,
        Instant at) implements SlaEvent {
}
