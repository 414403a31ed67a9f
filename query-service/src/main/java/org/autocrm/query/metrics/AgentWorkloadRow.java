package org.autocrm.query.metrics;

import java.util.Map;

/**
 * One agent's workload and performance. Open work is now: the tickets assigned to them that are not
 * resolved or closed, by status and priority, and the age of the oldest (hours). Performance is
 * over the range, for the tickets assigned to them now: resolved in it, median first response of
 * those created in it and median resolution of those resolved in it (seconds), CSAT given in it
 * (average on the five-point scale, satisfied on every scale). A figure with nothing to measure is null.
 */
public record AgentWorkloadRow(
        String agentId,
        long open,
        Map<String, Long> openByStatus,
        Map<String, Long> openByPriority,
        Double oldestOpenAgeHours,
        long resolved,
        Double firstResponseMedianSeconds,
        Double resolutionMedianSeconds,
        long rated,
        Double csatAverage,
        Double csatSatisfiedPercent) {

    static AgentWorkloadRow idle(String agentId) {
        return new AgentWorkloadRow(agentId, 0, Map.of(), Map.of(), null, 0, null, null, 0, null, null);
    }
}
