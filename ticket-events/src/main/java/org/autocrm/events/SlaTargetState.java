package org.autocrm.events;

import java.time.Instant;

/**
 * One SLA target of a ticket as it stands.
 *
 * @param metric      {@code first_response}, {@code next_response} or {@code resolution}
 * @param status      {@code active}, {@code paused}, {@code fulfilled} or {@code breached}
 * @param dueAt       when it is (or was) due; {@code null} while paused (the business time left is kept instead)
 * @param warnAt      when the warning fires (due time minus the policy's lead time); {@code null} while paused
 * @param minutesLeft business (or calendar, as the target says) minutes left when the event was made; negative
 *                    once overdue
 * @param fulfilledAt when it was met, for {@code fulfilled}
 * @param breachedAt  when it was missed, for {@code breached} (and for a breached target fulfilled later)
 */
public record SlaTargetState(
        String metric,
        String status,
        Instant dueAt,
        Instant warnAt,
        long minutesLeft,
        Instant fulfilledAt,
        Instant breachedAt) {
}
