package org.autocrm.routing.sla.policy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.autocrm.routing.sla.FieldProblem;
import org.autocrm.routing.sla.SlaSettingsRejected;

/**
 * A policy's targets as an admin sends them: {@code targets} by priority name, then by metric
 * ({@code first_response}, {@code next_response}, {@code resolution}), each {@code {minutes, basis}}; and
 * {@code warningLeadMinutes} (none or 0 for no warning). Text keys so each mistake can be named by its field.
 */
public record SlaTargetsDefinition(Map<String, Map<String, TargetDefinition>> targets, Integer warningLeadMinutes) {

    /** The longest target: a year and a day, in minutes. Longer is a typo, and would make due times meaningless. */
    public static final int LONGEST_TARGET_MINUTES = 366 * 24 * 60;

    /** Everything wrong with these targets; empty when {@link #toTargets()} will succeed. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        read(problems);
        return problems;
    }

    /** The targets, or {@link SlaSettingsRejected} ({@code POLICY_INVALID}) naming every problem. */
    public SlaTargets toTargets() {
        List<FieldProblem> problems = new ArrayList<>();
        Map<Priority, Map<SlaMetric, SlaTarget>> read = read(problems);
        if (!problems.isEmpty()) {
            throw new SlaSettingsRejected(SlaSettingsRejected.Reason.POLICY_INVALID, problems);
        }
        return SlaTargets.of(read, warningLeadMinutes == null ? 0 : warningLeadMinutes);
    }

    private Map<Priority, Map<SlaMetric, SlaTarget>> read(List<FieldProblem> problems) {
        Map<Priority, Map<SlaMetric, SlaTarget>> read = new LinkedHashMap<>();
        Map<Priority, String> keys = new HashMap<>();
        int given = 0;
        for (Map.Entry<String, Map<String, TargetDefinition>> byPriority : (targets == null ? Map.<String, Map<String, TargetDefinition>>of() : targets).entrySet()) {
            String field = "targets." + byPriority.getKey();
            if (byPriority.getKey() == null || byPriority.getKey().isBlank()) {
                problems.add(new FieldProblem(field, "not a priority: name one such as HIGH"));
                continue;
            }
            Priority priority = Priority.of(byPriority.getKey());
            String earlier = keys.putIfAbsent(priority, byPriority.getKey());
            if (earlier != null) {
                problems.add(new FieldProblem(field, priority + " is given twice"));
                continue;
            }
            Map<SlaMetric, SlaTarget> byMetric = new EnumMap<>(SlaMetric.class);
            Map<String, TargetDefinition> metrics = byPriority.getValue() == null ? Map.of() : byPriority.getValue();
            for (Map.Entry<String, TargetDefinition> entry : metrics.entrySet()) {
                given++;
                target(field + "." + entry.getKey(), entry.getKey(), entry.getValue(), problems)
                        .ifPresent(target -> byMetric.put(target.metric, target.target));
            }
            read.put(priority, byMetric);
        }
        if (given == 0) {
            problems.add(new FieldProblem("targets",
                    "a policy needs at least one target, such as targets.HIGH.first_response: {minutes: 240, basis: business}"));
        }
        if (warningLeadMinutes != null && warningLeadMinutes < 0) {
            problems.add(new FieldProblem("warningLeadMinutes", "must be 0 (no warning) or more, not " + warningLeadMinutes));
        }
        return read;
    }

    private record MetricTarget(SlaMetric metric, SlaTarget target) {
    }

    private static Optional<MetricTarget> target(String field, String metricName, TargetDefinition definition,
                                                 List<FieldProblem> problems) {
        Optional<SlaMetric> metric = SlaMetric.fromWireName(metricName);
        if (metric.isEmpty()) {
            problems.add(new FieldProblem(field, "not a metric; use first_response, next_response or resolution"));
            return Optional.empty();
        }
        if (definition == null) {
            problems.add(new FieldProblem(field, "required: {minutes, basis}"));
            return Optional.empty();
        }
        int before = problems.size();
        Integer minutes = definition.minutes();
        if (minutes == null) {
            problems.add(new FieldProblem(field + ".minutes", "required: the target in minutes"));
        } else if (minutes < 1) {
            problems.add(new FieldProblem(field + ".minutes", "must be at least 1, not " + minutes));
        } else if (minutes > LONGEST_TARGET_MINUTES) {
            problems.add(new FieldProblem(field + ".minutes", "must be at most " + LONGEST_TARGET_MINUTES + " (366 days), not " + minutes));
        }
        Optional<TimeBasis> basis = TimeBasis.fromWireName(definition.basis());
        if (definition.basis() == null) {
            problems.add(new FieldProblem(field + ".basis", "required: business or calendar"));
        } else if (basis.isEmpty()) {
            problems.add(new FieldProblem(field + ".basis", "'" + definition.basis() + "' is neither business nor calendar"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new MetricTarget(metric.get(), new SlaTarget(minutes, basis.get())));
    }
}
