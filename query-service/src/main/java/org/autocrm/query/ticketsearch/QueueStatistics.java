package org.autocrm.query.ticketsearch;

import java.util.Map;

/**
 * Counts over the tickets a caller may see: {@code byStatus} over all of them, everything else
 * over open work only (not RESOLVED or CLOSED).
 */
public record QueueStatistics(
        Map<String, Long> byStatus,
        long open,
        Map<String, Long> byPriority,
        Map<String, Long> byAgent,
        Map<String, Long> byGroup,
        long unassigned) {
}
