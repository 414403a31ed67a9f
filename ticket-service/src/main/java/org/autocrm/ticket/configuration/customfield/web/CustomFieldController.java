package org.autocrm.ticket.configuration.customfield.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.ticket.actor.Actors;
import org.autocrm.ticket.configuration.ConfigurationAccess;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.configuration.customfield.ChangeCustomField;
import org.autocrm.ticket.configuration.customfield.CustomFieldView;
import org.autocrm.ticket.configuration.customfield.DefineCustomField;
import org.autocrm.ticket.configuration.customfield.FindCustomField;
import org.autocrm.ticket.configuration.customfield.FindCustomFields;
import org.autocrm.ticket.configuration.customfield.RetireCustomField;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Custom field definitions: staff read them, customers read the ones visible to them, admins manage them. */
@Tag(name = "Custom fields",
        description = "Custom field definitions for tickets: staff read them, customers read the ones visible to them, "
                + "admins manage them.")
@RestController
@RequestMapping("/api/tickets/custom-fields")
class CustomFieldController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CustomFieldController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List the custom fields")
    @GetMapping
    CustomFieldsResponse list(@RequestParam(defaultValue = "false") boolean includeRetired, Caller caller) {
        if (includeRetired) {
            ConfigurationAccess.requireAdmin(caller);
        }
        return new CustomFieldsResponse(queries.query(
                new FindCustomFields(caller.tenantId(), includeRetired, ConfigurationAccess.isCustomer(caller)),
                ResponseTypes.multipleInstancesOf(CustomFieldView.class)).join());
    }

    @Operation(summary = "Read a custom field")
    @GetMapping("/{id}")
    CustomFieldView one(@PathVariable String id, Caller caller) {
        CustomFieldView field = find(id, caller);
        if (ConfigurationAccess.isCustomer(caller) && (field.retired() || !field.visibleToCustomers())) {
            throw notFound(id);
        }
        return field;
    }

    @Operation(summary = "Define a custom field")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.CONFLICT)
    ResponseEntity<CustomFieldView> define(@Valid @RequestBody DefineCustomFieldRequest request,
                                           Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new DefineCustomField(id, caller.tenantId(), request.key(), request.label(),
                request.type(), request.options(), Boolean.TRUE.equals(request.required()),
                Boolean.TRUE.equals(request.visibleToCustomers()), Actors.of(caller)));
        return ResponseEntity.created(URI.create("/api/tickets/custom-fields/" + id)).body(find(id, caller));
    }

    @Operation(summary = "Change a custom field")
    @PutMapping("/{id}")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE})
    CustomFieldView change(@PathVariable String id, @Valid @RequestBody ChangeCustomFieldRequest request,
                           Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        find(id, caller);
        commands.sendAndWait(new ChangeCustomField(id, caller.tenantId(), request.key(), request.type(),
                request.label(), request.options(), request.required(), request.visibleToCustomers(),
                Actors.of(caller)));
        return find(id, caller);
    }

    @Operation(summary = "Retire a custom field")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Answers(refuses = Refusal.Kind.CONFLICT)
    ResponseEntity<Void> retire(@PathVariable String id, Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        find(id, caller);
        commands.sendAndWait(new RetireCustomField(id, caller.tenantId(), Actors.of(caller)));
        return ResponseEntity.noContent().build();
    }

    private CustomFieldView find(String id, Caller caller) {
        Optional<CustomFieldView> field = queries.query(new FindCustomField(caller.tenantId(), id),
                ResponseTypes.optionalInstanceOf(CustomFieldView.class)).join();
        return field.orElseThrow(() -> notFound(id));
    }

    private static Refused notFound(String id) {
        return new Refused(ConfigurationRule.CUSTOM_FIELD_NOT_FOUND, "There is no custom field " + id);
    }
}
