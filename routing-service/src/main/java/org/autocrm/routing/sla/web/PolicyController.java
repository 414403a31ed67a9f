package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.sla.settings.ManagingPolicies;
import org.autocrm.routing.sla.settings.StoredPolicy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's SLA policies: admins manage them, team leads read them. The version is the ETag. */
@Tag(name = "SLA policies", description = "Targets per priority for first response, next response and resolution, "
        + "in business or calendar minutes, with a warning lead and breach actions. Tried by position, then id; the "
        + "first active policy whose conditions (as for routing rules) the ticket meets applies. Admins manage them; "
        + "team leads read them. The version is the ETag: send it as If-Match when changing one.")
@RestController
@RequestMapping("/api/sla/policies")
class PolicyController {

    private final ManagingPolicies policies;

    PolicyController(ManagingPolicies policies) {
        this.policies = policies;
    }

    @Operation(summary = "List the tenant's SLA policies in the order they are tried (position, then id)")
    @GetMapping
    List<PolicyView> list(Caller caller) {
        SlaAccess.mayReadSettings(caller);
        return policies.list(caller.tenantId()).stream().map(PolicyView::of).toList();
    }

    @Operation(summary = "Create an SLA policy", description = "Open tickets get their policy chosen again in the "
            + "background.")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 422, description = "The policy is not valid (no targets, an unknown calendar, an "
            + "unknown condition field...): errors names every field at fault; nothing is stored")
    ResponseEntity<PolicyView> create(@RequestBody PolicyRequest request, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        StoredPolicy created = policies.create(caller.tenantId(), request.spec());
        return ResponseEntity.created(URI.create("/api/sla/policies/" + created.id()))
                .eTag(IfMatch.etag(created.version())).body(PolicyView.of(created));
    }

    @Operation(summary = "Read an SLA policy")
    @GetMapping("/{id}")
    ResponseEntity<PolicyView> get(@PathVariable String id, Caller caller) {
        SlaAccess.mayReadSettings(caller);
        StoredPolicy policy = policies.get(caller.tenantId(), id);
        return ResponseEntity.ok().eTag(IfMatch.etag(policy.version())).body(PolicyView.of(policy));
    }

    @Operation(summary = "Replace an SLA policy", description = "Due times of the open tickets are recomputed in the "
            + "background; switching a policy off clears its pending warnings and breaches.")
    @PutMapping("/{id}")
    @ProblemResponse(status = 409, description = "The policy was changed since the version named in If-Match or version")
    @ProblemResponse(status = 422, description = "The policy is not valid: errors names every field at fault; the "
            + "stored policy is unchanged")
    ResponseEntity<PolicyView> replace(@PathVariable String id,
            @Parameter(description = CalendarController.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @RequestBody PolicyRequest request, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        StoredPolicy replaced = policies.replace(caller.tenantId(), id, request.spec(),
                IfMatch.version(ifMatch, request.version()));
        return ResponseEntity.ok().eTag(IfMatch.etag(replaced.version())).body(PolicyView.of(replaced));
    }

    @Operation(summary = "Delete an SLA policy", description = "Its tickets get another policy, or none, in the "
            + "background; its pending warnings and breaches are gone.")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 409, description = "The policy was changed since the version named in If-Match")
    ResponseEntity<Void> delete(@PathVariable String id,
            @Parameter(description = CalendarController.IF_MATCH_DOC)
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, Caller caller) {
        SlaAccess.mayWriteSettings(caller);
        policies.delete(caller.tenantId(), id, IfMatch.version(ifMatch));
        return ResponseEntity.noContent().build();
    }
}
