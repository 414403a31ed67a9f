package org.autocrm.query.sla;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.springframework.lang.Nullable;

/**
 * A ticket's SLA as lists sort and filter by it: copied from the ticket's SLA document (kept from
 * {@code autocrm.sla.v1}) onto its ticket and metrics documents, field {@code sla}.
 *
 * @param nextMetric    the running or missed target due soonest ({@code first_response}, {@code next_response},
 *                      {@code resolution})
 * @param nextDueAt     its due time (past for a missed one); null when no target runs or is missed (paused or met)
 * @param nextWarnAt    the soonest warning time of a running target
 * @param breached      a target is missed and not met since
 * @param paused        no target runs but one is paused (the ticket waits on the customer or is on hold)
 * @param firstResponse {@code met}, {@code breached} or {@code pending}; null without a first-response target
 * @param resolution    the same for the resolution target
 */
public record SlaSummary(
        String policyId,
        @Nullable String policyName,
        @Nullable String nextMetric,
        @Nullable Instant nextDueAt,
        @Nullable Instant nextWarnAt,
        boolean breached,
        boolean paused,
        @Nullable String firstResponse,
        @Nullable String resolution) {

    /** How a badge shows it, at {@code now}. */
    public enum Status {
        /** A target is missed (or overdue, its breach about to be noticed). */
        BREACHED,
        /** A running target passed its warning time. */
        AT_RISK,
        /** Every running target is on time. */
        ON_TRACK,
        /** The clocks wait on the customer. */
        PAUSED,
        /** Nothing left to measure: every target met. */
        MET;

        @Schema(hidden = true)
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Status status(Instant now) {
        if (breached || nextDueAt != null && !nextDueAt.isAfter(now)) {
            return Status.BREACHED;
        }
        if (nextWarnAt != null && !nextWarnAt.isAfter(now)) {
            return Status.AT_RISK;
        }
        if (nextDueAt != null) {
            return Status.ON_TRACK;
        }
        return paused ? Status.PAUSED : Status.MET;
    }

    /**
     * The summary of an SLA document's targets ({@code SlaTargetState}s of the last {@code autocrm.sla.clock_changed.v1}),
     * or null when no policy applies to the ticket.
     */
    @Nullable
    static SlaSummary of(JsonNode slaDocument) {
        String policyId = text(slaDocument, "policyId");
        if (policyId == null) {
            return null;
        }
        String nextMetric = null;
        Instant nextDueAt = null;
        Instant nextWarnAt = null;
        boolean breached = false;
        boolean paused = false;
        String firstResponse = null;
        String resolution = null;
        for (JsonNode target : slaDocument.path("targets")) {
            String metric = text(target, "metric");
            String status = String.valueOf(text(target, "status"));
            Instant due = instant(target, "dueAt");
            Instant warn = instant(target, "warnAt");
            boolean running = "active".equals(status);
            // a missed target keeps its (past) due time, so sorting by SLA puts the ticket first
            if ((running || "breached".equals(status)) && due != null && (nextDueAt == null || due.isBefore(nextDueAt))) {
                nextDueAt = due;
                nextMetric = metric;
            }
            if (running && warn != null && (nextWarnAt == null || warn.isBefore(nextWarnAt))) {
                nextWarnAt = warn;
            }
            paused |= "paused".equals(status);
            breached |= "breached".equals(status);
            String outcome = outcome(status, target);
            if ("first_response".equals(metric)) {
                firstResponse = outcome;
            } else if ("resolution".equals(metric)) {
                resolution = outcome;
            }
        }
        return new SlaSummary(policyId, text(slaDocument, "policyName"), nextMetric, nextDueAt, nextWarnAt, breached,
                paused && nextDueAt == null, firstResponse, resolution);
    }

    /** Met only when fulfilled without having been missed first. */
    private static String outcome(String status, JsonNode target) {
        if ("breached".equals(status) || target.hasNonNull("breachedAt")) {
            return "breached";
        }
        return "fulfilled".equals(status) ? "met" : "pending";
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
