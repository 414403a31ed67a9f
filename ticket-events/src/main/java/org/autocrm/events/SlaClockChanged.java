package org.autocrm.events;

import java.time.Instant;
import java.util.List;

/**
 * A ticket's SLA clocks changed: a policy was applied or cleared, a clock paused, resumed, was fulfilled or
 * breached, or due times were recomputed (another priority, calendar or policy). Carries every target as it now
 * stands, so a consumer needs only the latest one. Type {@code autocrm.sla.clock_changed.v1}.
 *
 * @param policyId   the policy that applies, or {@code null} when none does any more (then {@code targets} is empty)
 * @param policyName the policy's name at the time
 */
public record SlaClockChanged(
        String ticketId,
        String tenantId,
        String policyId,
        String policyName,
        List<SlaTargetState> targets,
        Actor by,
        Instant at) implements SlaEvent {

    public SlaClockChanged {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
