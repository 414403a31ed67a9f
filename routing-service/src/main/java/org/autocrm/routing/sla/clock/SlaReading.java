package org.autocrm.routing.sla.clock;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.autocrm.routing.sla.policy.SlaMetric;

/**
 * A ticket's SLA at an instant: its targets (those the policy sets for the ticket's priority, and that have started)
 * and when something next happens, so a scheduler can wake up exactly then.
 *
 * @param policyId      the policy applied; {@code null} when none applies
 * @param nextWarningAt the earliest instant after {@code at} at which an active target becomes at risk, or {@code null}
 * @param nextBreachAt  the earliest instant after {@code at} at which an active target breaches, or {@code null}
 */
public record SlaReading(String policyId, Instant at, List<TargetReading> targets, Instant nextWarningAt,
                         Instant nextBreachAt) {

    public SlaReading {
        targets = List.copyOf(targets);
    }

    public Optional<TargetReading> target(SlaMetric metric) {
        return targets.stream().filter(target -> target.metric() == metric).findFirst();
    }
}
