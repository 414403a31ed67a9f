package org.autocrm.ticket.configuration.category.web;

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
import org.autocrm.ticket.configuration.category.ArchiveCategory;
import org.autocrm.ticket.configuration.category.CategoryView;
import org.autocrm.ticket.configuration.category.ChangeCategory;
import org.autocrm.ticket.configuration.category.CreateCategory;
import org.autocrm.ticket.configuration.category.FindCategories;
import org.autocrm.ticket.configuration.category.FindCategory;
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

/** Ticket categories: everyone reads the active ones, admins manage them. */
@Tag(name = "Categories",
        description = "Ticket categories: everyone reads the active ones, admins manage them.")
@RestController
@RequestMapping("/api/tickets/categories")
class CategoryController {

    private final CommandGateway commands;
    private final QueryGateway queries;

    CategoryController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @Operation(summary = "List the ticket categories")
    @GetMapping
    CategoriesResponse list(@RequestParam(defaultValue = "false") boolean includeArchived, Caller caller) {
        if (includeArchived) {
            ConfigurationAccess.requireAdmin(caller);
        }
        return new CategoriesResponse(queries.query(new FindCategories(caller.tenantId(), includeArchived),
                ResponseTypes.multipleInstancesOf(CategoryView.class)).join());
    }

    @Operation(summary = "Read a category")
    @GetMapping("/{id}")
    CategoryView one(@PathVariable String id, Caller caller) {
        CategoryView category = find(id, caller);
        if (category.archived() && ConfigurationAccess.isCustomer(caller)) {
            throw notFound(id);
        }
        return category;
    }

    @Operation(summary = "Create a category")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Answers(refuses = Refusal.Kind.CONFLICT)
    ResponseEntity<CategoryView> create(@Valid @RequestBody CreateCategoryRequest request, Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        String id = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCategory(id, caller.tenantId(), request.name(), Actors.of(caller)));
        return ResponseEntity.created(URI.create("/api/tickets/categories/" + id)).body(find(id, caller));
    }

    @Operation(summary = "Change a category")
    @PutMapping("/{id}")
    @Answers(refuses = {Refusal.Kind.CONFLICT, Refusal.Kind.INVALID_VALUE})
    CategoryView change(@PathVariable String id, @Valid @RequestBody ChangeCategoryRequest request,
                        Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        if (request.name() == null && request.position() == null) {
            throw Refused.invalidField("name", "or position is required: there is nothing to change");
        }
        find(id, caller);
        commands.sendAndWait(new ChangeCategory(id, caller.tenantId(), request.name(), request.position(),
                Actors.of(caller)));
        return find(id, caller);
    }

    @Operation(summary = "Archive a category")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Answers(refuses = Refusal.Kind.CONFLICT)
    ResponseEntity<Void> archive(@PathVariable String id, Caller caller) {
        ConfigurationAccess.requireAdmin(caller);
        find(id, caller);
        commands.sendAndWait(new ArchiveCategory(id, caller.tenantId(), Actors.of(caller)));
        return ResponseEntity.noContent().build();
    }

    private CategoryView find(String id, Caller caller) {
        Optional<CategoryView> category = queries.query(new FindCategory(caller.tenantId(), id),
                ResponseTypes.optionalInstanceOf(CategoryView.class)).join();
        return category.orElseThrow(() -> notFound(id));
    }

    private static Refused notFound(String id) {
        return new Refused(ConfigurationRule.CATEGORY_NOT_FOUND, "There is no category " + id);
    }
}
