package org.autocrm.ticket.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.ticket.LinkTickets;
import org.autocrm.ticket.ticket.MergeTicket;
import org.autocrm.ticket.ticket.PostMessage;
import org.autocrm.ticket.ticket.RateTicket;
import org.autocrm.ticket.ticket.TicketChange;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Talking on a ticket, and relating it to others: responses, merge, links, satisfaction. */
@Tag(name = "Ticket conversation",
        description = "Talk on a ticket and relate it to others: public replies, internal and admin-only notes, "
                + "merges, links, and the customer's rating once it is resolved.")
@RestController
@RequestMapping("/api/tickets/{id}")
class ConversationController {

    private final CommandGateway commands;

    ConversationController(CommandGateway commands) {
        this.commands = commands;
    }

    /** A message written on a ticket, and the ticket version it made. */
    record MessagePosted(String ticketId, String messageId, long version) {
    }

    @Operation(summary = "Reply on a ticket or add a note")
    @PostMapping("/responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<MessagePosted> respond(@PathVariable String id, @Valid @RequestBody TicketRequests.Respond request,
                                          @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                          Caller caller) {
        String messageId = UUID.randomUUID().toString();
        TicketChange change = commands.sendAndWait(new PostMessage(id, Acting.context(caller, Versions.fromIfMatch(ifMatch)),
                messageId, request.threadId(), request.threadKind(), request.visibility(), request.body(),
                request.mentions(), request.attachmentIds()));
        return ResponseEntity.created(URI.create("/api/tickets/" + id + "/responses/" + messageId))
                .eTag(Versions.etag(change.version()))
                .body(new MessagePosted(id, messageId, change.version()));
    }

    @Operation(summary = "Merge a ticket into another")
    @PostMapping("/merge")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE}, etag = true)
    ResponseEntity<TicketChange> merge(@PathVariable String id, @Valid @RequestBody TicketRequests.Merge request,
                                       @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new MergeTicket(id,
                Acting.context(caller, Versions.fromIfMatch(ifMatch)), request.targetTicketId())));
    }

    @Operation(summary = "Link a ticket to another")
    @PostMapping("/links")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE}, etag = true)
    ResponseEntity<TicketChange> link(@PathVariable String id, @Valid @RequestBody TicketRequests.Link request,
                                      Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new LinkTickets(id, Acting.context(caller, null),
                request.ticketId(), request.relation())));
    }

    @Operation(summary = "Rate a resolved ticket")
    @PostMapping("/rating")
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<TicketChange> rate(@PathVariable String id, @Valid @RequestBody TicketRequests.Rate request,
                                      Caller caller) {
        return TicketResponses.changed(commands.sendAndWait(new RateTicket(id, Acting.context(caller, null),
                request.scale(), request.score(), request.comment())));
    }
}
