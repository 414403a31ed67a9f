package org.autocrm.query.views.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.autocrm.access.Caller;
import org.autocrm.query.ticketsearch.TicketQueries;
import org.autocrm.query.ticketsearch.web.TicketListResponses;
import org.autocrm.query.views.SavedView;
import org.autocrm.query.views.SavedViewAccess;
import org.autocrm.query.views.SavedViews;
import org.autocrm.query.web.CsvTable;
import org.autocrm.query.web.NotFound;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Saved views: named ticket lists with a live count. Staff only; personal views for their owner,
 * shared views for all staff of the tenant, managed by admins and team leads. A view the caller may
 * not see is not found. Counts and runs apply the caller's own ticket visibility.
 */
@Tag(name = "Saved views",
        description = "Named ticket searches with a live count, for staff: personal views for their owner, shared views "
                + "for all staff of the tenant, managed by admins and team leads. Counts and runs apply the caller's "
                + "own ticket visibility.")
@RestController
@RequestMapping("/api/views")
class SavedViewController {

    private final SavedViews views;
    private final TicketQueries tickets;

    SavedViewController(SavedViews views, TicketQueries tickets) {
        this.views = views;
        this.tickets = tickets;
    }

    @Operation(summary = "List saved views",
            description = "The caller's personal views and the tenant's shared views, each with its live count.")
    @GetMapping
    Map<String, List<SavedViewResponse>> list(@Parameter(hidden = true) Caller caller) throws IOException {
        staffOnly(caller);
        List<SavedViewResponse> items = new ArrayList<>();
        for (SavedView view : views.visibleTo(caller)) {
            items.add(SavedViewResponse.of(view, count(caller, view)));
        }
        return Map.of("items", items);
    }

    @Operation(summary = "Save a view", description = "Shared views: admins and team leads only.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<SavedViewResponse> create(@RequestBody SavedViewRequest request,
                                             @Parameter(hidden = true) Caller caller) throws IOException {
        staffOnly(caller);
        boolean shared = Boolean.TRUE.equals(request.shared());
        if (shared && !SavedViewAccess.mayManageShared(caller)) {
            throw forbidden("Only admins and team leads may create shared views");
        }
        Instant now = Instant.now();
        SavedView view = defined(request, UUID.randomUUID().toString(), caller.tenantId(), caller.userId(), shared,
                now, now);
        views.save(view);
        return ResponseEntity.created(URI.create("/api/views/" + view.viewId()))
                .body(SavedViewResponse.of(view, count(caller, view)));
    }

    @Operation(summary = "Read a saved view")
    @GetMapping("/{id}")
    SavedViewResponse get(@PathVariable String id, @Parameter(hidden = true) Caller caller) throws IOException {
        SavedView view = visible(caller, id);
        return SavedViewResponse.of(view, count(caller, view));
    }

    @Operation(summary = "Change a saved view",
            description = "Name, filters, sort, order and sharing are all replaced. Shared views: admins and team "
                    + "leads only.")
    @PutMapping("/{id}")
    SavedViewResponse update(@PathVariable String id, @RequestBody SavedViewRequest request,
                             @Parameter(hidden = true) Caller caller) throws IOException {
        SavedView current = visible(caller, id);
        boolean shared = request.shared() == null ? current.shared() : request.shared();
        if ((current.shared() || shared) && !SavedViewAccess.mayManageShared(caller)) {
            throw forbidden("Only admins and team leads may change shared views");
        }
        SavedView changed = defined(request, current.viewId(), current.tenantId(), current.ownerId(), shared,
                current.createdAt(), Instant.now());
        views.save(changed);
        return SavedViewResponse.of(changed, count(caller, changed));
    }

    @Operation(summary = "Delete a saved view", description = "Shared views: admins and team leads only.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> delete(@PathVariable String id, @Parameter(hidden = true) Caller caller) throws IOException {
        SavedView view = visible(caller, id);
        if (view.shared() && !SavedViewAccess.mayManageShared(caller)) {
            throw forbidden("Only admins and team leads may delete shared views");
        }
        views.delete(view);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Run a saved view",
            description = "Its tickets as the caller may see them, paged like GET /api/tickets (cursor, size; "
                    + "format=csv or Accept: text/csv for CSV).")
    @GetMapping(path = "/{id}/tickets", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    ResponseEntity<?> run(@PathVariable String id,
                          @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters,
                          @Parameter(hidden = true) @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                          @Parameter(hidden = true) Caller caller) throws IOException {
        SavedView view = visible(caller, id);
        boolean csv = CsvTable.wanted(parameters.getFirst("format"), accept);
        return TicketListResponses.page(tickets.search(caller,
                ViewDefinition.run(view.filters(), view.sort(), view.order(), parameters)), csv, "view-" + view.viewId());
    }

    private SavedView defined(SavedViewRequest request, String id, String tenantId, String ownerId, boolean shared,
                              Instant createdAt, Instant updatedAt) {
        String name = ViewDefinition.name(request.name());
        Map<String, List<String>> filters = ViewDefinition.filters(request.filters());
        String sort = ViewDefinition.sort(request.sort());
        String order = ViewDefinition.order(request.order());
        ViewDefinition.search(filters, sort, order);
        return new SavedView(id, tenantId, ownerId, name, filters, sort, order, shared, createdAt, updatedAt);
    }

    private long count(Caller caller, SavedView view) throws IOException {
        return tickets.count(caller, ViewDefinition.search(view.filters(), view.sort(), view.order()));
    }

    private SavedView visible(Caller caller, String id) throws IOException {
        staffOnly(caller);
        return views.find(caller, id).orElseThrow(() -> new NotFound("There is no view " + id));
    }

    private static void staffOnly(Caller caller) {
        if (!SavedViewAccess.mayUseViews(caller)) {
            throw forbidden("Saved views are for staff only");
        }
    }

    private static ErrorResponseException forbidden(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
        problem.setTitle("Forbidden");
        return new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
