package org.autocrm.query.projection.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.autocrm.query.projection.Projection;
import org.autocrm.query.projection.ProjectionLag;
import org.autocrm.query.projection.ProjectionRebuilds;
import org.autocrm.query.projection.ProjectionRebuilds.RebuildStatus;
import org.autocrm.query.projection.Projections;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.query.web.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operating the projections (admins only): which there are and how far behind, and rebuilding one into a new index
 * that replaces the old one behind its alias without downtime. Projections are shared by all tenants, so rebuilding
 * one is an operator's action; any tenant's admin may trigger it.
 */
@Tag(name = "Projections",
        description = "Operating the read side (admins only): the projections query-service keeps from the event "
                + "stream, how far behind they are, and rebuilding one into a new index that replaces the old one "
                + "without downtime.")
@RestController
@RequestMapping("/api/admin/projections")
class ProjectionAdminController {

    private final Projections projections;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionLag lag;

    ProjectionAdminController(Projections projections, ProjectionRebuilds rebuilds, ProjectionLag lag) {
        this.projections = projections;
        this.rebuilds = rebuilds;
        this.lag = lag;
    }

    @Operation(summary = "List the projections and how far behind they are",
            description = "Each projection with its indices, live listener and lag. Admins only.")
    @GetMapping
    List<Map<String, Object>> projections(@Parameter(hidden = true) Caller caller) throws IOException {
        requireAdmin(caller);
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        for (Projection projection : projections.all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", projection.name());
            row.put("alias", projection.index().alias());
            row.put("indices", projection.index().currentIndices());
            row.put("listenerRunning", projections.listener(projection).map(c -> c.isRunning()).orElse(false));
            lag.lag(projection.name()).filter(ProjectionLag.Lag::known).ifPresent(l -> {
                row.put("lagEvents", l.events());
                row.put("lagSeconds", l.seconds());
            });
            row.put("deadLetters", projections.progress(projection).deadLettered());
            all.add(row);
        }
        return all;
    }

    @Operation(summary = "Rebuild a projection",
            description = "From the event stream into a new index, then the alias swaps to it. Admins only. "
                    + "Answers 202 at once; follow Location for the status. The live projection keeps serving "
                    + "and writing meanwhile. 409 if a rebuild of it is already running.")
    @PostMapping("/{name}/rebuild")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(responseCode = "409", description = "A rebuild of this projection is already running",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<RebuildStatus> rebuild(@PathVariable String name, @Parameter(hidden = true) Caller caller) {
        requireAdmin(caller);
        RebuildStatus status = rebuilds.start(projection(name));
        return ResponseEntity.accepted().location(URI.create("/api/admin/projections/" + name + "/rebuild"))
                .body(status);
    }

    @Operation(summary = "Read a projection's rebuild",
            description = "The running or last rebuild of a projection in this instance. Admins only.")
    @GetMapping("/{name}/rebuild")
    RebuildStatus rebuildStatus(@PathVariable String name, @Parameter(hidden = true) Caller caller) {
        requireAdmin(caller);
        projection(name);
        return rebuilds.status(name).orElseThrow(() -> new NotFound("Projection " + name + " has not been rebuilt "
                + "since this instance started"));
    }

    @ExceptionHandler(ProjectionRebuilds.AlreadyRunning.class)
    ResponseEntity<ProblemDetail> alreadyRunning(ProjectionRebuilds.AlreadyRunning running) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
        problem.setTitle("Rebuild already running");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    private Projection projection(String name) {
        return projections.named(name).orElseThrow(() -> new NotFound("There is no projection " + name
                + "; there are " + projections.all().stream().map(Projection::name).toList()));
    }

    private static void requireAdmin(Caller caller) {
        if (caller.role() != Role.ADMIN) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "Operating the projections is for admins only");
            problem.setTitle("Forbidden");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
        }
    }
}
