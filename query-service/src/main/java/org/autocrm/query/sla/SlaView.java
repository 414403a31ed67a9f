package org.autocrm.query.sla;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.springframework.lang.Nullable;

/** A ticket's SLA as its badge shows it; staff and API keys only. */
public record SlaView(
        String policyId,
        @Nullable String policyName,
        @Schema(description = "The running target due soonest", allowableValues = {"first_response", "next_response",
                "resolution"})
        @Nullable String metric,
        @Schema(description = "When that target is due; null when no target runs")
        @Nullable Instant dueAt,
        @Schema(description = "breached: a target is missed (or overdue); at_risk: a running target passed its warning "
                + "time; on_track; paused: the clocks wait on the customer; met: every target met",
                allowableValues = {"breached", "at_risk", "on_track", "paused", "met"})
        String status) {

    @Nullable
    public static SlaView of(@Nullable SlaSummary summary, Instant now) {
        return summary == null ? null : new SlaView(summary.policyId(), summary.policyName(), summary.nextMetric(),
                summary.nextDueAt(), summary.status(now).value());
    }
}
