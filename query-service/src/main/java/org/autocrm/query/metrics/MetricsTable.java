package org.autocrm.query.metrics;

import java.time.Instant;
import java.util.List;

/** A metrics table: one row per group, ordered by key. */
public record MetricsTable(Instant from, Instant to, String groupBy, List<MetricsRow> groups) {
}
