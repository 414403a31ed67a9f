package org.autocrm.ticket.configuration.canned.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.events.CannedAction;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.configuration.ConfigurationAccess;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.canned.CannedResponseView;
import org.autocrm.ticket.configuration.canned.ChangeCannedResponse;
import org.autocrm.ticket.configuration.canned.CreateCannedResponse;
import org.autocrm.ticket.configuration.canned.DeleteCannedResponse;
import org.autocrm.ticket.configuration.canned.FindCannedResponse;
import org.autocrm.ticket.configuration.canned.FindCannedResponses;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Canned responses (macros): staff read them, admins and team leads manage them. */
@Tag(name = "Canned responses",
        description = "Replies prepared for reuse (macros), with optional actions applied with them: staff read them, "
                + "admins and team leads manage them.")
@RestController
@RequestMapping("/api/tickets/canned-responses")
class CannedResponseController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CannedResponseController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List the canned responses")
    @GetMapping
    CannedResponsesResponse list(Caller caller) {
        ConfigurationAccess.requireStaff(caller);
        return new CannedResponsesResponse(queries.query(new FindCannedResponses(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(CannedResponseView.class)).join());
    }

    @Operation(summary = "Read a canned response")
    @GetMapping("/{id}")
    CannedResponseView one(@PathVariable String id, Caller caller) {
        ConfigurationAccess.requireStaff(caller);
        return find(id, caller);
    }

    @Operation(summary = "Create a canned response")
    @PostMapping
    @Answers(refuses = Refusal.Kind.INVALID_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CannedResponseView> create(@Valid @RequestBody CannedResponseRequest request,
                                              Caller caller) {
        ConfigurationAccess.requireLead(caller);
        if (request.title() == null) {
            throw Refused.invalidField("title", "is required");
        }
        if (request.body() == null) {
            throw Refused.invalidField("body", "is required");
        }
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCannedResponse(id, caller.tenantId(), request.title(), request.body(),
                actions(request.actions()), Actors.of(caller)));
        return ResponseEntity.created(URI.create("/api/tickets/canned-responses/" + id)).body(find(id, caller));
    }

    @Operation(summary = "Change a canned response")
    @PutMapping("/{id}")
    @Answers(refuses = Refusal.Kind.INVALID_VALUE)
    CannedResponseView change(@PathVariable String id, @Valid @RequestBody CannedResponseRequest request,
                              Caller caller) {
        ConfigurationAccess.requireLead(caller);
        find(id, caller);
        commands.sendAndWait(new ChangeCannedResponse(id, caller.tenantId(), request.title(), request.body(),
                actions(request.actions()), Actors.of(caller)));
        return find(id, caller);
    }

    @Operation(summary = "Delete a canned response")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String id, Caller caller) {
        ConfigurationAccess.requireLead(caller);
        find(id, caller);
        commands.sendAndWait(new DeleteCannedResponse(id, caller.tenantId(), Actors.of(caller)));
        return ResponseEntity.noContent().build();
    }

    private static CannedAction actions(CannedActionRequest request) {
        if (request == null) {
            return null;
        }
        TicketStatus status = request.setStatus() == null ? null : Arrays.stream(TicketStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(request.setStatus().strip()))
                .findFirst()
                .orElseThrow(() -> Refused.invalidField("actions.setStatus", "must be one of "
                        + Arrays.toString(TicketStatus.values()) + ", not '" + request.setStatus() + "'"));
        return new CannedAction(status, request.resolutionSummary(), request.setPriority(), request.addTags(),
                request.removeTags(), request.assignAgentId(), request.assignGroupId(), request.internalNote());
    }

    private CannedResponseView find(String id, Caller caller) {
        Optional<CannedResponseView> response = queries.query(new FindCannedResponse(caller.tenantId(), id),
                ResponseTypes.optionalInstanceOf(CannedResponseView.class)).join();
        return response.orElseThrow(() -> new Refused(ConfigurationRule.CANNED_RESPONSE_NOT_FOUND,
                "There is no canned response " + id));
    }
}
