package org.autocrm.ticket.configuration.status.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.events.TicketStatus;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.configuration.ConfigurationAccess;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.status.ChangeStatusLabel;
import org.autocrm.ticket.configuration.status.DefineStatusLabel;
import org.autocrm.ticket.configuration.status.FindStatusLabel;
import org.autocrm.ticket.configuration.status.FindStatusLabels;
import org.autocrm.ticket.configuration.status.StatusLabelView;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's status labels: staff read them, admins define and change them. */
@Tag(name = "Status labels",
        description = "The tenant's status labels, the names its tickets' statuses are shown with: staff read them, "
                + "admins define and change them.")
@RestController
@RequestMapping("/api/tickets/statuses")
class StatusLabelController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    StatusLabelController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List the status labels")
    @GetMapping
    StatusLabelsResponse list(Caller caller) {
        ConfigurationAccess.requireStaff(caller);
        return new StatusLabelsResponse(queries.query(new FindStatusLabels(caller.tenantId()),
                ResponseTypes.multipleInstancesOf(StatusLabelView.class)).join());
    }

    @Operation(summary = "Read a status label")
    @GetMapping("/{id}")
    StatusLabelView one(@PathVariable String id, Caller caller) {
        ConfigurationAccess.requireStaff(caller);
        return find(id, caller);
    }

    @Operation(summary = "Define a status label")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.CONFLICT)
    ResponseEntity<StatusLabelView> define(@Valid @RequestBody StatusLabelRequest request, Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        if (request.label() == null) {
            throw Refused.invalidField("label", "is required");
        }
        if (request.status() == null) {
            throw Refused.invalidField("status", "is required: one of " + Arrays.toString(TicketStatus.values()));
        }
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new DefineStatusLabel(id, caller.tenantId(), request.label(), status(request.status()),
                Actors.of(caller)));
        return ResponseEntity.created(URI.create("/api/tickets/statuses/" + id)).body(find(id, caller));
    }

    @Operation(summary = "Change a status label")
    @PutMapping("/{id}")
    @Answers(refuses = Refusal.Kind.CONFLICT)
    StatusLabelView change(@PathVariable String id, @Valid @RequestBody StatusLabelRequest request,
                           Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        find(id, caller);
        TicketStatus status = request.status() == null ? null : status(request.status());
        commands.sendAndWait(new ChangeStatusLabel(id, caller.tenantId(), request.label(), status, Actors.of(caller)));
        return find(id, caller);
    }

    private static TicketStatus status(String name) {
        return Arrays.stream(TicketStatus.values())
                .filter(status -> status.name().equalsIgnoreCase(name.strip()))
                .findFirst()
                .orElseThrow(() -> Refused.invalidField("status",
                        "must be one of " + Arrays.toString(TicketStatus.values()) + ", not '" + name + "'"));
    }

    private StatusLabelView find(String id, Caller caller) {
        Optional<StatusLabelView> label = queries.query(new FindStatusLabel(caller.tenantId(), id),
                ResponseTypes.optionalInstanceOf(StatusLabelView.class)).join();
        return label.orElseThrow(() -> new Refused(ConfigurationRule.STATUS_LABEL_NOT_FOUND,
                "There is no status label " + id));
    }
}
