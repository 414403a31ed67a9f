package org.autocrm.query.ticketsearch.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import java.io.IOException;
import org.autocrm.access.Caller;
import org.autocrm.query.ticketsearch.ConversationView;
import org.autocrm.query.ticketsearch.QueueStatistics;
import org.autocrm.query.ticketsearch.TicketPage;
import org.autocrm.query.ticketsearch.TicketQueries;
import org.autocrm.query.ticketsearch.TicketSearch;
import org.autocrm.query.ticketsearch.TicketSort;
import org.autocrm.query.ticketsearch.TicketView;
import org.autocrm.query.web.InvalidParameter;
import org.autocrm.query.web.NotFound;
import org.autocrm.query.web.CsvTable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ticket read API. Every answer covers only what the caller may see; a ticket or customer they
 * may not see is not found, never forbidden, so its existence is not revealed.
 */
@Tag(name = "Ticket search",
        description = "Read tickets: list and search them, read one, count the queue, list a customer's tickets. Every "
                + "answer covers only what the caller may see; a ticket they may not see is 404, as if it did not "
                + "exist. Reads follow writes within about a second; to read your own write, pass the version it "
                + "returned (minVersion, X-AutoCRM-Read-After).")
@RestController
class TicketQueryController {

    private final TicketQueries tickets;

    TicketQueryController(TicketQueries tickets) {
        this.tickets = tickets;
    }

    @Operation(summary = "Read a ticket")
    @GetMapping("/api/tickets/{id}")
    TicketView ticket(@PathVariable String id, @Parameter(hidden = true) Caller caller) throws IOException {
        return tickets.find(caller, id).orElseThrow(() -> new NotFound("There is no ticket " + id));
    }

    /**
     * The conversation is a resource of its own rather than part of the ticket: the ticket is also every row of the
     * lists, the saved views and CSV, where the messages would only weigh; both are answered from the same document,
     * so the same {@code version} means the same state.
     */
    @GetMapping("/api/tickets/{id}/messages")
    @Operation(summary = "The ticket's conversation as the caller may read it",
            description = "Messages oldest first, each with its author, time, body and attachments: customers get "
                    + "the public replies, staff and API keys (tickets:read) also the internal notes, admins also the "
                    + "admin-only notes. `attachments` are the files attached to the ticket itself; download a file "
                    + "with GET /api/tickets/{id}/attachments/{attachmentId}. A ticket the caller may not see is 404. "
                    + "Pass minVersion (or X-AutoCRM-Read-After) to include a write of your own.")
    ConversationView conversation(@PathVariable String id, @Parameter(hidden = true) Caller caller)
            throws IOException {
        return tickets.conversation(caller, id).orElseThrow(() -> new NotFound("There is no ticket " + id));
    }

    @GetMapping(path = "/api/tickets", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    @Operation(summary = "Search tickets",
            description = "The tickets the caller may see that match, one page at a time. Filters combine with AND; repeated status, priority and tag values are alternatives for "
                    + "status and priority and all required for tags. Custom fields filter as cf.<key>=<value> "
                    + "(a customer's filter on an agent-only field matches none of their tickets). "
                    + "Follow `next` as `cursor` (with the same sort and order) for the next page.")
    @Parameters({
            @Parameter(name = "status", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "NEW, OPEN, IN_PROGRESS, PENDING, ON_HOLD, RESOLVED, CLOSED; repeatable"),
            @Parameter(name = "priority", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "LOW, MEDIUM, HIGH, URGENT or a tenant's own; repeatable"),
            @Parameter(name = "categoryId", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "tag", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "repeatable or comma-separated; all must be on the ticket"),
            @Parameter(name = "agentId", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "groupId", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "unassigned", in = ParameterIn.QUERY, schema = @Schema(type = "boolean"), description = "true: neither an agent nor a group"),
            @Parameter(name = "customerId", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "channel", in = ParameterIn.QUERY, schema = @Schema(type = "string")),
            @Parameter(name = "company", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "the customer's company, exact name"),
            @Parameter(name = "tier", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "the customer's tier, exact"),
            @Parameter(name = "createdFrom", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"), description = "ISO-8601 instant, inclusive"),
            @Parameter(name = "createdTo", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"), description = "ISO-8601 instant, exclusive"),
            @Parameter(name = "updatedFrom", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"), description = "ISO-8601 instant, inclusive"),
            @Parameter(name = "updatedTo", in = ParameterIn.QUERY, schema = @Schema(type = "string", format = "date-time"), description = "ISO-8601 instant, exclusive"),
            @Parameter(name = "q", in = ParameterIn.QUERY, schema = @Schema(type = "string"),
                    description = "full text over subject, description and public replies (and notes, for staff)"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"created", "updated", "priority", "sla"}), description = "created (default), updated, priority or sla (the soonest SLA due time of a running target; tickets without one last)"),
            @Parameter(name = "order", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"asc", "desc"}), description = "desc (default; asc for sla) or asc"),
            @Parameter(name = "slaStatus", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string", allowableValues = {"breached", "at_risk", "on_track", "paused", "met"})),
                    description = "the SLA badge, now: breached (a target missed or overdue), at_risk (past a warning time), on_track, paused, met; repeat or comma-separate for any of them"),
            @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "100"), description = "1-100, default 25"),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "`next` of the previous page"),
            @Parameter(name = "format", in = ParameterIn.QUERY, schema = @Schema(type = "string", allowableValues = {"json", "csv"}),
                    description = "json or csv (also Accept: text/csv); CSV sends total and next cursor as "
                            + "X-Total-Count and X-Next-Cursor headers")})
    ResponseEntity<?> tickets(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                              @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false)
                              String accept,
                              @Parameter(hidden = true) Caller caller) throws IOException {
        boolean csv = CsvTable.wanted(parameters.getFirst("format"), accept);
        return TicketListResponses.page(tickets.search(caller, TicketSearchParameters.read(parameters)), csv,
                "tickets");
    }

    @Operation(summary = "Count the queue's tickets by status, priority, agent and group",
            description = "byStatus counts every ticket the caller may see; the other figures count open work only "
                    + "(not RESOLVED or CLOSED).")
    @GetMapping("/api/tickets/queue")
    QueueStatistics queue(@Parameter(description = "only tickets of this company's customers (exact name)")
                          @RequestParam(required = false) String company,
                          @Parameter(hidden = true) Caller caller) throws IOException {
        return tickets.queue(caller, company == null || company.isBlank() ? null : company.strip());
    }

    /** A customer's tickets, newest first: for staff of the tenant, and for the customer themself. */
    @Operation(summary = "List a customer's tickets", description = "Newest first, one page at a time.")
    @GetMapping("/api/customers/{customerId}/tickets")
    @Parameters({
            @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", minimum = "1", maximum = "100"), description = "1-100, default 25"),
            @Parameter(name = "cursor", in = ParameterIn.QUERY, schema = @Schema(type = "string"), description = "`next` of the previous page")})
    TicketPage customerTickets(@PathVariable String customerId,
                               @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                               @Parameter(hidden = true) Caller caller)
            throws IOException {
        if (caller.isCustomer() && !caller.userId().equals(customerId)) {
            throw new NotFound("There is no customer " + customerId);
        }
        parameters.keySet().stream().filter(name -> !name.equals("cursor") && !name.equals("size")).findFirst()
                .ifPresent(name -> {
                    throw new InvalidParameter(name, "is not a parameter of this list");
                });
        return tickets.search(caller, TicketSearch.ofCustomer(customerId,
                TicketSearchParameters.cursor(parameters, TicketSort.NEWEST_FIRST),
                TicketSearchParameters.size(parameters)));
    }
}
