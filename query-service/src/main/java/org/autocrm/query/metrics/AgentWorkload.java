package org.autocrm.query.metrics;

import java.time.Instant;
import java.util.List;

/** The workload and performance of agents over a range, one row per agent, ordered by agent id. */
public record AgentWorkload(Instant from, Instant to, List<AgentWorkloadRow> agents) {
}
