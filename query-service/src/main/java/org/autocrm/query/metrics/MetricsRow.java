package org.autocrm.query.metrics;

/**
 * The metrics of one group over a range. Times are in seconds (backlog age in hours); a figure
 * with nothing to measure is null. Created and the first-response and reopen figures count the
 * tickets created in the range; resolved and resolution time the tickets first resolved in it;
 * CSAT the ratings given in it (average on the five-point scale, satisfied on every scale); the
 * backlog is the tickets open now (for days: created that day and still open). SLA compliance is the share of
 * targets met of those met or missed: first response over the tickets created in the range, resolution over those
 * first resolved in it; null when no ticket of the group had that target decided.
 */
public record MetricsRow(
        String key,
        long created,
        long resolved,
        Double firstResponseMedianSeconds,
        Double firstResponseP90Seconds,
        Double resolutionMedianSeconds,
        Double resolutionP90Seconds,
        Double reopenRate,
        Double csatAverage,
        Double csatSatisfiedPercent,
        long backlog,
        Double backlogAgeMedianHours,
        Double firstResponseSlaPercent,
        Double resolutionSlaPercent) {
}
