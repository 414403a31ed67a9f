package org.autocrm.query.presence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.query.presence.Presence;
import org.autocrm.query.presence.PresenceState;
import org.autocrm.query.presence.TicketPresence;
import org.autocrm.query.ticketsearch.TicketQueries;
import org.autocrm.query.web.InvalidParameter;
import org.autocrm.query.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who else is on a ticket (collision detection): staff who may see a ticket say they are viewing or typing on it,
 * and see who else is. A ticket the caller may not see is 404 as everywhere; customers may not take part (403).
 */
@RestController
class PresenceController {

    private final TicketPresence presence;
    private final TicketQueries tickets;

    PresenceController(TicketPresence presence, TicketQueries tickets) {
        this.presence = presence;
        this.tickets = tickets;
    }

    /** What a client says it is doing. */
    record PresenceRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"viewing", "typing"}) String state) {
    }

    /**
     * Who is on the ticket.
     *
     * @param present             longest there first
     * @param expiresAfterSeconds a presence not refreshed within this many seconds ends by itself
     */
    record TicketPresenceView(String ticketId, List<Presence> present, long expiresAfterSeconds) {
    }

    @PostMapping("/api/presence/tickets/{id}")
    @Operation(summary = "Say that you are viewing or typing on a ticket (staff)",
            description = "Holds for 30 seconds: repeat it about every 10 seconds while it is true (and when the "
                    + "state changes); DELETE when leaving. Answers who is on the ticket now, you included. Those who "
                    + "may see the ticket are told on GET /api/stream (`presence`) when someone comes, changes state "
                    + "or leaves.")
    TicketPresenceView hold(@PathVariable String id, @RequestBody PresenceRequest request,
                            @Parameter(hidden = true) Caller caller) throws IOException {
        mayBeOn(caller, id);
        PresenceState state = PresenceState.of(request == null ? null : request.state())
                .orElseThrow(() -> new InvalidParameter("state", "must be viewing or typing"));
        return new TicketPresenceView(id, presence.hold(caller, id, state), presence.ttl().toSeconds());
    }

    @GetMapping("/api/presence/tickets/{id}")
    @Operation(summary = "Who is viewing or typing on a ticket now (staff)")
    TicketPresenceView on(@PathVariable String id, @Parameter(hidden = true) Caller caller) throws IOException {
        mayBeOn(caller, id);
        return new TicketPresenceView(id, presence.on(caller.tenantId(), id), presence.ttl().toSeconds());
    }

    @DeleteMapping("/api/presence/tickets/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a ticket (staff): you are no longer shown on it")
    @ApiResponse(responseCode = "204", description = "Left (also when you were not on it)", content = @Content)
    void leave(@PathVariable String id, @Parameter(hidden = true) Caller caller) throws IOException {
        mayBeOn(caller, id);
        presence.leave(caller, id);
    }

    @ExceptionHandler(TicketPresence.PresenceUnavailable.class)
    ResponseEntity<ProblemDetail> unavailable(TicketPresence.PresenceUnavailable e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Presence is temporarily unavailable. Please retry shortly.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
    }

    /** Whoever may not know the ticket gets 404 (as for every read); a customer who may, 403. */
    private void mayBeOn(Caller caller, String ticketId) throws IOException {
        if (tickets.find(caller, ticketId).isEmpty()) {
            throw new NotFound("There is no ticket " + ticketId);
        }
        if (!caller.isStaff()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Presence on tickets is for staff only");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
