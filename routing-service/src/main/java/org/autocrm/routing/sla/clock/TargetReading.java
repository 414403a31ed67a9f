package org.autocrm.routing.sla.clock;

import java.time.Instant;
import org.autocrm.routing.sla.policy.SlaMetric;

/**
 * One target of a ticket at an instant.
 *
 * @param dueAt       when the target is (or was) due; {@code null} while paused, when no one can say
 * @param minutesLeft working minutes left (business or calendar, as the target counts), rounded down: negative when
 *                    overdue; frozen while paused; for a met target, what was left when it was met
 * @param warningAt   when the target becomes at risk (the policy's warning lead before {@code dueAt}); {@code null}
 *                    when the policy gives no warning or the target is not active
 * @param atRisk      active and past {@code warningAt}
 * @param fulfilledAt when it was met; {@code null} while not
 */
public record TargetReading(SlaMetric metric, Instant dueAt, TargetStatus status, long minutesLeft,
                            Instant warningAt, boolean atRisk, Instant fulfilledAt) {
}
