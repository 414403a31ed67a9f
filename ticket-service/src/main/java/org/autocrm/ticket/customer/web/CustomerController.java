package org.autocrm.ticket.customer.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.customer.CreateCustomer;
import org.autocrm.ticket.customer.CustomerDetails;
import org.autocrm.ticket.customer.CustomerEditors;
import org.autocrm.ticket.customer.CustomerRule;
import org.autocrm.ticket.customer.FindCustomer;
import org.autocrm.ticket.customer.SavedCustomer;
import org.autocrm.ticket.customer.UpdateCustomer;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.autocrm.ticket.web.Answers;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customer profiles: staff create, replace and read them; a customer reads only their own. The version (the aggregate's
 * sequence number, 0 when created) is the ETag; send it as If-Match to refuse overwriting a newer edit.
 */
@Tag(name = "Customers",
        description = "Customer profiles: staff create, replace and read them; a customer reads only their own. The "
                + "version is the ETag; send it as If-Match to refuse overwriting a newer edit. The list of "
                + "customers is in Customer list.")
@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CustomerController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "Create a customer")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<SavedCustomer> create(@Valid @RequestBody CustomerRequest request, Caller caller) {
        CreateCustomer command = new CreateCustomer(UUID.randomUUID().toString(), caller.tenantId(),
                request.name(), request.emails(), request.phone(), request.company(), request.tier(),
                request.language(), request.timeZone(), request.externalId(), Actors.of(caller));

        SavedCustomer saved = commands.sendAndWait(command);

        return ResponseEntity.created(URI.create("/api/customers/" + saved.customerId()))
                .eTag(Long.toString(saved.version()))
                .body(saved);
    }

    @Operation(summary = "Replace a customer's profile")
    @PutMapping("/{customerId}")
    @Answers(refuses = Refusal.Kind.CONFLICT, etag = true)
    ResponseEntity<SavedCustomer> replace(@PathVariable String customerId,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody CustomerRequest request, Caller caller) {
        if (caller.isCustomer()) {
            // refused before the profile is looked up, so the answer says nothing about which ids exist
            throw CustomerEditors.refusal(caller.role().value(), "edit customers");
        }
        UpdateCustomer command = new UpdateCustomer(customerId, caller.tenantId(), expectedVersion(ifMatch),
                request.name(), request.emails(), request.phone(), request.company(), request.tier(),
                request.language(), request.timeZone(), request.externalId(), Actors.of(caller));

        SavedCustomer saved = commands.sendAndWait(command);

        return ResponseEntity.ok().eTag(Long.toString(saved.version())).body(saved);
    }

    @Operation(summary = "Read a customer's profile")
    @GetMapping("/{customerId}")
    @Answers(etag = true)
    ResponseEntity<CustomerDetails> find(@PathVariable String customerId, Caller caller) {
        if (caller.isCustomer() && !caller.userId().equals(customerId)) {
            // another customer's profile does not exist for a customer: 404, never 403
            throw CustomerRule.notFound(customerId);
        }
        Optional<CustomerDetails> customer = queries.query(new FindCustomer(caller.tenantId(), customerId),
                ResponseTypes.optionalInstanceOf(CustomerDetails.class)).join();
        CustomerDetails details = customer.orElseThrow(() -> CustomerRule.notFound(customerId));
        return ResponseEntity.ok().eTag(Long.toString(details.version())).body(details);
    }

    /** The version in an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}; {@code *} or none means any. */
    private static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String version = ifMatch.strip();
        if (version.startsWith("W/")) {
            version = version.substring(2);
        }
        if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
            version = version.substring(1, version.length() - 1);
        }
        try {
            long parsed = Long.parseLong(version);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw Refused.invalidField(HttpHeaders.IF_MATCH, "must be the version to update, such as \"3\"");
    }
}
