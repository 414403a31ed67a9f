package org.autocrm.ticket.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.ApplyBulkChange;
import org.autocrm.ticket.ticket.TicketChange;
import org.autocrm.ticket.ticket.TicketRule;
import org.autocrm.ticket.web.Answers;
import org.autocrm.ticket.web.ProblemResponses;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ProblemDetail;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changing many tickets at once from the agent workspace (assign, status, priority, tags): each ticket gets its own
 * command and takes the whole change or none of it; one ticket's refusal does not stop the others, and the answer
 * says per ticket what happened, with the problem a single request would have answered.
 */
@RestController
class BulkChangeController {

    static final int MAX_TICKETS = 100;

    private final CommandGateway commands;
    private final ProblemResponses problems;

    BulkChangeController(CommandGateway commands, ProblemResponses problems) {
        this.commands = commands;
        this.problems = problems;
    }

    /** The change to make to every ticket named; absent parts stay as they are. */
    record BulkChange(
            @NotEmpty @Size(max = MAX_TICKETS) List<@NotBlank @Size(max = 100) String> ticketIds,
            @Nullable @Schema(description = "Per ticket id, the version the change was decided on (as If-Match); "
                    + "a ticket at another version is refused with 409") Map<String, Long> versions,
            @Nullable String priority,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 50) String> addTags,
            @Nullable @Size(max = 50) List<@NotBlank @Size(max = 50) String> removeTags,
            @Nullable @Size(max = 100) @Schema(description = "An agent's user id, or \"me\"") String agentId,
            @Nullable @Size(max = 100) String groupId,
            @Nullable TicketStatus status,
            @Nullable @Size(max = 100) String statusLabel,
            @Nullable @Size(max = 10_000) String resolutionSummary) {

        boolean changesNothing() {
            return priority == null && addTags == null && removeTags == null && agentId == null && groupId == null
                    && status == null && statusLabel == null;
        }
    }

    /** What happened to one ticket: changed (with its new version) or refused (with the problem). */
    record TicketOutcome(String ticketId,
                         @Schema(allowableValues = {"changed", "refused"}) String outcome,
                         @Nullable Long version,
                         @Nullable @Schema(ref = "#/components/schemas/" + ProblemResponsesDocumented.PROBLEM)
                         ProblemDetail problem) {
    }

    record BulkResult(int changed, int refused, List<TicketOutcome> tickets) {
    }

    @PostMapping("/api/tickets/bulk")
    @Operation(summary = "Change many tickets at once",
            description = "Assign, set the status, priority or tags of up to " + MAX_TICKETS + " tickets. Each ticket "
                    + "takes the whole change or none of it; the answer lists per ticket whether it changed (with its "
                    + "new version) or was refused (with the problem a single request would have answered).")
    @Answers
    BulkResult change(@Valid @RequestBody BulkChange request, Caller caller) {
        if (!caller.actsForOrganisation()) {
            throw new Refused(TicketRule.NOT_PERMITTED, "Only agents, team leads, admins and API keys change tickets in bulk");
        }
        if (request.changesNothing()) {
            throw Refused.invalidField("ticketIds", "need a change to make: priority, addTags, removeTags, agentId, "
                    + "groupId, status or statusLabel");
        }
        if (new HashSet<>(request.ticketIds()).size() != request.ticketIds().size()) {
            throw Refused.invalidField("ticketIds", "must not name a ticket twice");
        }
        String agent = "me".equals(request.agentId()) ? caller.userId() : request.agentId();
        List<TicketOutcome> outcomes = new ArrayList<>();
        for (String ticketId : request.ticketIds()) {
            Long expected = request.versions() == null ? null : request.versions().get(ticketId);
            ApplyBulkChange command = new ApplyBulkChange(ticketId, Acting.context(caller, expected),
                    request.priority(), request.addTags(), request.removeTags(), agent, request.groupId(),
                    request.status(), request.statusLabel(), request.resolutionSummary());
            outcomes.add(apply(command));
        }
        int changed = (int) outcomes.stream().filter(outcome -> outcome.version() != null).count();
        return new BulkResult(changed, outcomes.size() - changed, outcomes);
    }

    private TicketOutcome apply(ApplyBulkChange command) {
        try {
            TicketChange change = commands.sendAndWait(command);
            return new TicketOutcome(command.ticketId(), "changed", change.version(), null);
        } catch (RuntimeException failure) {
            ProblemDetail problem = problems.problemOf(failure).orElseThrow(() -> failure);
            return new TicketOutcome(command.ticketId(), "refused", null, problem);
        }
    }
}
