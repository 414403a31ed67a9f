package org.autocrm.ticket.configuration.priority.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.autocrm.ticket.configuration.ConfigurationAccess;
import org.autocrm.ticket.configuration.priority.DefinePriorities;
import org.autocrm.ticket.configuration.priority.FindPriorities;
import org.autocrm.ticket.configuration.priority.PrioritiesView;
import org.autocrm.access.Caller;
import org.autocrm.ticket.actor.Actors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's priorities: staff read them, admins replace them. */
@Tag(name = "Priorities",
        description = "The tenant's ticket priorities: staff read them, admins replace them.")
@RestController
@RequestMapping("/api/tickets/priorities")
class PriorityController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    PriorityController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List the priorities")
    @GetMapping
    PrioritiesView list(Caller caller) {
        ConfigurationAccess.requireStaff(caller);
        return find(caller);
    }

    @Operation(summary = "Replace the priorities")
    @PutMapping
    PrioritiesView define(@Valid @RequestBody DefinePrioritiesRequest request, Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        commands.sendAndWait(new DefinePriorities(caller.tenantId(), request.priorities(), Actors.of(caller)));
        return find(caller);
    }

    private PrioritiesView find(Caller caller) {
        return queries.query(new FindPriorities(caller.tenantId()), ResponseTypes.instanceOf(PrioritiesView.class))
                .join();
    }
}
