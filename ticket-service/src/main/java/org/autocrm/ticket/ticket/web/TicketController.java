package org.autocrm.ticket.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.ticket.Channel;
import org.autocrm.ticket.ticket.CreateTicket;
import org.autocrm.ticket.ticket.OpenedTicket;
import org.autocrm.ticket.ticket.TicketChange;
import org.autocrm.ticket.ticket.UpdateTicket;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening and editing tickets. */
@Tag(name = "Tickets",
        description = "Open a ticket and edit it. Every write answers the ticket's new version (body `version`, also "
                + "as `ETag`); send it back as `If-Match` and a write made against an older version is refused "
                + "with 409. Reading tickets is Ticket search.")
@RestController
@RequestMapping("/api/tickets")
class TicketController {

    private final CommandGateway commands;

    TicketController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(summary = "Open a ticket",
            description = "The ticket belongs to a customer (customerId). Send an Idempotency-Key to make retries safe: a "
                    + "repeat with the same key answers the ticket it opened, with Idempotent-Replayed: true.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.INVALID_VALUE, etag = true)
    ResponseEntity<OpenedTicket> open(@Valid @RequestBody TicketRequests.OpenTicket request,
                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
                                      Caller caller) {
        if (idempotencyKey != null && !IdempotencyKeys.isValid(idempotencyKey)) {
            throw Refused.invalidField(IdempotencyKeys.HEADER, IdempotencyKeys.RULE);
        }
        Channel channel = request.channel() == null ? Channel.API
                : Channel.fromWireName(request.channel()).orElseThrow(() -> Refused.invalidField("channel",
                        "must be one of portal, email, chat, phone, api, error-report"));
        String priority = request.priority() == null ? "MEDIUM" : request.priority();
        CreateTicket command = new CreateTicket(UUID.randomUUID().toString(), Acting.context(caller, null),
                request.subject(), request.description(), request.customerId(), priority, channel, request.language(),
                request.categoryId(), request.tags(), request.customFields(), request.followUpOf(), idempotencyKey);

        OpenedTicket opened = commands.sendAndWait(command);

        ResponseEntity.BodyBuilder response = ResponseEntity.created(URI.create("/api/tickets/" + opened.ticketId()))
                .eTag(Versions.etag(opened.version()));
        if (opened.replayed()) {
            response.header(IdempotencyKeys.REPLAYED_HEADER, "true");
        }
        return response.body(opened);
    }

    @Operation(summary = "Edit a ticket's subject, description, priority, category, tags or custom fields")
    @PutMapping("/{id}")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE}, etag = true)
    ResponseEntity<TicketChange> edit(@PathVariable String id, @Valid @RequestBody TicketRequests.EditTicket request,
                                      @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                      Caller caller) {
        TicketChange change = commands.sendAndWait(new UpdateTicket(id, Acting.context(caller, Versions.fromIfMatch(ifMatch)),
                request.subject(), request.description(), request.priority(), request.categoryId(), request.tags(),
                request.customFields()));
        return TicketResponses.changed(change);
    }
}
