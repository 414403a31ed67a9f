package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.events.SlaTargetState;
import org.autocrm.routing.sla.tracking.ReadingTicketSla;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A ticket's SLA as it stands: for every member of staff and API keys with routing:read. */
@Tag(name = "Ticket SLA", description = "The SLA targets of one ticket: due times, status and minutes left")
@RestController
class TicketSlaController {

    private final ReadingTicketSla sla;

    TicketSlaController(ReadingTicketSla sla) {
        this.sla = sla;
    }

    @Operation(summary = "A ticket's SLA: the policy that applies and each target's due time, status and minutes left",
            description = "404 when the ticket has no SLA clock (unknown, another tenant's, or opened before SLA "
                    + "tracking began). A ticket no policy applies to answers policyId null and no targets.")
    @GetMapping("/api/sla/tickets/{ticketId}")
    TicketSlaView get(@PathVariable String ticketId, Caller caller) {
        SlaAccess.mayReadTicketSla(caller);
        return sla.read(caller.tenantId(), ticketId).map(TicketSlaView::of)
                .orElseThrow(() -> new SlaProblems.NoSlaClock(ticketId));
    }

    @Schema(name = "TicketSla")
    record TicketSlaView(String ticketId, @Nullable String policyId, @Nullable String policyName,
                         List<TargetView> targets) {

        static TicketSlaView of(ReadingTicketSla.TicketSla sla) {
            return new TicketSlaView(sla.ticketId(), sla.policyId(), sla.policyName(),
                    sla.targets().stream().map(TargetView::of).toList());
        }
    }

    /**
     * @param minutesLeft business (or calendar, as the target counts) minutes left, negative when overdue
     */
    @Schema(name = "TicketSlaTarget")
    record TargetView(
            @Schema(allowableValues = {"first_response", "next_response", "resolution"}) String metric,
            @Nullable @Schema(description = "null while paused") Instant dueAt,
            @Schema(allowableValues = {"active", "paused", "fulfilled", "breached"}) String status,
            long minutesLeft,
            @Nullable @Schema(description = "When it becomes at risk; null without a warning lead or when not active")
            Instant warnAt,
            @Nullable Instant fulfilledAt) {

        static TargetView of(SlaTargetState state) {
            return new TargetView(state.metric(), state.dueAt(), state.status(), state.minutesLeft(), state.warnAt(),
                    state.fulfilledAt());
        }
    }
}
