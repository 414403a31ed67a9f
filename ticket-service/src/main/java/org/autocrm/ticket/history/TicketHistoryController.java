package org.autocrm.ticket.history;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.web.Answers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reads ticket-service serves itself because only the event store can answer them. The
 * gateway routes {@code GET /api/tickets/{id}/history} and {@code GET /api/tickets/{id}/as-of/{moment}}
 * here; every other read goes to query-service. (The moment is a path segment, not a parameter of
 * {@code GET /api/tickets/{id}}: one operation is answered by one service, as the API document says.)
 */
@Tag(name = "Ticket history",
        description = "What happened to a ticket, read from the event store: every event with who did it and when, and "
                + "the ticket as it was at a moment.")
@RestController
@RequestMapping("/api/tickets/{id}")
class TicketHistoryController {

    private final TicketHistory history;

    TicketHistoryController(TicketHistory history) {
        this.history = history;
    }

    /** A ticket's full history. */
    record HistoryView(String ticketId, List<TicketHistory.Entry> events) {
    }

    @Operation(summary = "List everything that happened to a ticket")
    @GetMapping("/history")
    HistoryView history(@PathVariable String id, Caller caller) {
        return history.of(id, caller).map(events -> new HistoryView(id, events))
                .orElseThrow(() -> Refused.notFound("There is no ticket " + id));
    }

    @Operation(summary = "Read a ticket as it was at a moment")
    @GetMapping("/as-of/{asOf}")
    @Answers(etag = true)
    ResponseEntity<TicketAsOf> asOf(@PathVariable String id,
                                    @Parameter(description = "the moment, an ISO-8601 UTC timestamp such as "
                                            + "2026-11-22T09:15:00Z", schema = @Schema(type = "string", format = "date-time"))
                                    @PathVariable String asOf, Caller caller) {
        Instant moment;
        try {
            moment = Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw Refused.invalidField("asOf", "must be an ISO-8601 UTC timestamp such as 2026-11-22T09:15:00Z");
        }
        TicketAsOf ticket = history.asOf(id, moment, caller)
                .orElseThrow(() -> Refused.notFound("There is no ticket " + id + " as of " + asOf));
        return ResponseEntity.ok().eTag("\"" + ticket.version() + "\"").body(ticket);
    }
}
