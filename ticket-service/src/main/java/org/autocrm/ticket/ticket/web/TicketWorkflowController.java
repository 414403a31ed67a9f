package org.autocrm.ticket.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.autocrm.access.Caller;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.ticket.AssignTicket;
import org.autocrm.ticket.ticket.ChangeTicketStatus;
import org.autocrm.ticket.ticket.EscalateTicket;
import org.autocrm.ticket.ticket.TicketChange;
import org.autocrm.ticket.ticket.UnassignTicket;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Moving a ticket through its work: status, assignment, escalation. */
@Tag(name = "Ticket workflow",
        description = "Move a ticket through its work: status, assignment, escalation. An illegal move is 409 naming "
                + "the current and the allowed statuses.")
@RestController
@RequestMapping("/api/tickets/{id}")
class TicketWorkflowController {

    private final CommandGateway commands;

    TicketWorkflowController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Change a ticket's status")
    @PutMapping("/status")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE}, etag = true)
    ResponseEntity<TicketChange> status(@PathVariable String id, @Valid @RequestBody TicketRequests.ChangeStatus request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new ChangeTicketStatus(id,
                Acting.context(caller, Versions.fromIfMatch(ifMatch)), request.status(), request.statusLabel(),
                request.resolutionSummary())));
    }

    @Operation(summary = "Assign a ticket to an agent or a group")
    @PutMapping("/assign")
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<TicketChange> assign(@PathVariable String id, @Valid @RequestBody TicketRequests.Assign request,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        Caller caller) {
        String agent = "me".equals(request.agentId()) ? caller.userId() : request.agentId();
        return TicketResponses.changed(commands.sendAndWait(new AssignTicket(id,
                Acting.context(caller, Versions.fromIfMatch(ifMatch)), agent, request.groupId())));
    }

    @Operation(summary = "Unassign a ticket")
    @DeleteMapping("/assign")
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<TicketChange> unassign(@PathVariable String id,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new UnassignTicket(id,
                Acting.context(caller, Versions.fromIfMatch(ifMatch)))));
    }

    @Operation(summary = "Escalate a ticket to a group")
    @PostMapping("/escalate")
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<TicketChange> escalate(@PathVariable String id, @Valid @RequestBody TicketRequests.Escalate request,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new EscalateTicket(id,
                Acting.context(caller, Versions.fromIfMatch(ifMatch)), request.groupId(), request.reason())));
    }
}
