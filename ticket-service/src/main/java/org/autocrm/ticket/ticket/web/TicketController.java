package org.autocrm.ticket.ticket.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.autocrm.ticket.identity.RequestingUser;
import org.autocrm.ticket.ticket.Channel;
import org.autocrm.ticket.ticket.CreateTicket;
import org.autocrm.ticket.ticket.OpenedTicket;
import org.autocrm.ticket.web.InvalidField;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final CommandGateway commands;

    TicketController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<OpenedTicket> open(@Valid @RequestBody OpenTicketRequest request, RequestingUser caller) {
        Channel channel = request.channel() == null ? Channel.API
                : Channel.fromWireName(request.channel()).orElseThrow(() -> new InvalidField("channel",
                        "must be one of portal, email, chat, phone, api, error-report"));
        String priority = request.priority() == null ? "MEDIUM" : request.priority();
        CreateTicket command = new CreateTicket(UUID.randomUUID().toString(), caller.tenantId(),
                request.subject(), request.description(), request.customerId(), priority, channel,
                caller.asActor());

        OpenedTicket opened = commands.sendAndWait(command);

        return ResponseEntity.created(URI.create("/api/tickets/" + opened.ticketId()))
                .eTag(Long.toString(opened.version()))
                .body(opened);
    }
}
