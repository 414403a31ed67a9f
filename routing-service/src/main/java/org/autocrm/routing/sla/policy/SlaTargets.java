package org.autocrm.routing.sla.policy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An SLA policy's targets: per priority, a target for any of the metrics, and how long before a due time a ticket
 * counts as at risk (the warning lead, in the same basis as each target; zero for no warning). Immutable and valid:
 * made from an {@link SlaTargetsDefinition} or by {@link #of}.
 */
public final class SlaTargets {

    private final Map<Priority, Map<SlaMetric, SlaTarget>> targets;
    private final long warningLeadMinutes;

    private SlaTargets(Map<Priority, Map<SlaMetric, SlaTarget>> targets, long warningLeadMinutes) {
        Map<Priority, Map<SlaMetric, SlaTarget>> copy = new LinkedHashMap<>();
        targets.forEach((priority, byMetric) -> {
            if (!byMetric.isEmpty()) {
                copy.put(priority, Collections.unmodifiableMap(new EnumMap<>(byMetric)));
            }
        });
        if (copy.isEmpty() || warningLeadMinutes < 0) {
            throw new IllegalArgumentException("targets need at least one target and a lead of zero or more");
        }
        this.targets = Collections.unmodifiableMap(copy);
        this.warningLeadMinutes = warningLeadMinutes;
    }

    public static SlaTargets of(Map<Priority, Map<SlaMetric, SlaTarget>> targets, long warningLeadMinutes) {
        return new SlaTargets(targets, warningLeadMinutes);
    }

    public Optional<SlaTarget> target(Priority priority, SlaMetric metric) {
        return Optional.ofNullable(targets.getOrDefault(priority, Map.of()).get(metric));
    }

    public Map<Priority, Map<SlaMetric, SlaTarget>> targets() {
        return targets;
    }

    public long warningLeadMinutes() {
        return warningLeadMinutes;
    }

    public Duration warningLead() {
        return Duration.ofMinutes(warningLeadMinutes);
    }

    /** Whether any target counts business hours, so that the policy needs a business calendar. */
    public boolean needsBusinessCalendar() {
        return targets.values().stream().flatMap(byMetric -> byMetric.values().stream())
                .anyMatch(target -> target.basis() == TimeBasis.BUSINESS);
    }

    /** The targets as a definition again, to store and show; it validates back into equal targets. */
    public SlaTargetsDefinition definition() {
        Map<String, Map<String, TargetDefinition>> given = new LinkedHashMap<>();
        targets.forEach((priority, byMetric) -> {
            Map<String, TargetDefinition> metrics = new LinkedHashMap<>();
            byMetric.forEach((metric, target) -> metrics.put(metric.wireName(),
                    new TargetDefinition(Math.toIntExact(target.minutes()), target.basis().wireName())));
            given.put(priority.name(), metrics);
        });
        return new SlaTargetsDefinition(given, Math.toIntExact(warningLeadMinutes));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlaTargets that && targets.equals(that.targets)
                && warningLeadMinutes == that.warningLeadMinutes;
    }

    @Override
    public int hashCode() {
        return targets.hashCode() * 31 + Long.hashCode(warningLeadMinutes);
    }

    @Override
    public String toString() {
        return "SlaTargets" + targets + ", warning " + warningLeadMinutes + " min before";
    }
}
