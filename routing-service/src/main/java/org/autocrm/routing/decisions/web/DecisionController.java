package org.autocrm.routing.decisions.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.decisions.DecisionLog;
import org.autocrm.routing.decisions.RecordedDecision;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision log: every run of the routing rules on a ticket's changes, newest first. Admins and team leads read
 * it (API keys with {@code routing:read} or {@code admin}); agents and customers may not.
 */
@Tag(name = "Routing decisions", description = "Every run of the routing rules on a ticket: which rules matched "
        + "(and why the others did not), what was sent to ticket-service and what it answered. Newest first.")
@RestController
@RequestMapping("/api/routing/decisions")
class DecisionController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final DecisionLog log;

    DecisionController(DecisionLog log) {
        this.log = log;
    }

    @Operation(summary = "A ticket's rule runs, newest first",
            description = "A ticket routing-service has not seen, or one of another tenant, has no runs (an empty "
                    + "page). The next page: the same request with before = nextBefore.")
    @GetMapping
    @ProblemResponse(status = 400, description = "ticketId missing or blank, limit outside 1–100, or before not a "
            + "number")
    DecisionPage list(
            @Parameter(description = "The ticket", required = true) @RequestParam String ticketId,
            @Parameter(description = "How many runs at most (1–100, default 20)")
            @RequestParam(required = false) Integer limit,
            @Parameter(description = "Only runs on events before this sequence (nextBefore of the previous page)")
            @RequestParam(required = false) Long before,
            Caller caller) {
        if (!(caller.is(Role.ADMIN) || caller.is(Role.TEAM_LEAD) || caller.isApiKey())) {
            throw new DecisionProblems.NotPermitted(caller);
        }
        if (ticketId.isBlank()) {
            throw new DecisionProblems.InvalidParameter("ticketId", "must not be blank");
        }
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new DecisionProblems.InvalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<RecordedDecision> runs = log.forTicket(caller.tenantId(), ticketId, before, size + 1);
        boolean more = runs.size() > size;
        List<RecordedDecision> page = more ? runs.subList(0, size) : runs;
        return new DecisionPage(page.stream().map(DecisionView::of).toList(),
                more ? page.get(page.size() - 1).sequence() : null);
    }
}
