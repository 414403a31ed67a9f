package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.autocrm.access.Caller;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.routing.rules.ManagingRules;
import org.autocrm.routing.rules.StoredRule;
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

/**
 * A tenant's routing rules: admins manage them, team leads read and try them. The version is the ETag; send it as
 * If-Match (or as {@code version} in the body) so a change made on an older version is refused instead of
 * overwriting someone else's.
 */
@Tag(name = "Routing rules", description = "Rules that route new and changed tickets: conditions on ticket fields, "
        + "actions such as assigning a group. Run by position, then id. Admins manage them; team leads read and "
        + "dry-run them. The version is the ETag: send it as If-Match (or version in the body) when changing one.")
@RestController
@RequestMapping("/api/routing/rules")
class RuleController {

    private static final String IF_MATCH_DOC = "The version the change was made on (\"3\", W/\"3\" or 3); a stale one "
            + "is refused with 409. Without it (and without version in the body) the change applies to whatever is there";

    private final ManagingRules rules;

    RuleController(ManagingRules rules) {
        this.rules = rules;
    }

    @Operation(summary = "List the tenant's routing rules in the order they run (position, then id)")
    @GetMapping
    List<RuleView> list(Caller caller) {
        RuleAccess.mayRead(caller);
        return rules.list(caller.tenantId()).stream().map(RuleView::of).toList();
    }

    @Operation(summary = "Create a routing rule")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 422, description = "The rule is not valid: errors names every field at fault "
            + "(e.g. conditions[0].field); nothing is stored")
    ResponseEntity<RuleView> create(@RequestBody RuleRequest request, Caller caller) {
        RuleAccess.mayWrite(caller);
        StoredRule created = rules.create(caller.tenantId(), request.spec());
        return ResponseEntity.created(URI.create("/api/routing/rules/" + created.id()))
                .eTag(etag(created)).body(RuleView.of(created));
    }

    @Operation(summary = "Read a routing rule")
    @GetMapping("/{id}")
    ResponseEntity<RuleView> get(@PathVariable String id, Caller caller) {
        RuleAccess.mayRead(caller);
        StoredRule rule = rules.get(caller.tenantId(), id);
        return ResponseEntity.ok().eTag(etag(rule)).body(RuleView.of(rule));
    }

    @Operation(summary = "Replace a routing rule")
    @PutMapping("/{id}")
    @ProblemResponse(status = 409, description = "The rule was changed since the version named in If-Match or "
            + "version; read it again and repeat the change")
    @ProblemResponse(status = 422, description = "The rule is not valid: errors names every field at fault; "
            + "the stored rule is unchanged")
    ResponseEntity<RuleView> replace(@PathVariable String id,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, @RequestBody RuleRequest request, Caller caller) {
        RuleAccess.mayWrite(caller);
        Optional<Long> version = Versions.expected(ifMatch).or(() -> Optional.ofNullable(request.version()));
        StoredRule replaced = rules.replace(caller.tenantId(), id, request.spec(), version);
        return ResponseEntity.ok().eTag(etag(replaced)).body(RuleView.of(replaced));
    }

    @Operation(summary = "Delete a routing rule")
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 409, description = "The rule was changed since the version named in If-Match")
    ResponseEntity<Void> delete(@PathVariable String id,
            @Parameter(description = IF_MATCH_DOC) @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
            String ifMatch, Caller caller) {
        RuleAccess.mayWrite(caller);
        rules.delete(caller.tenantId(), id, Versions.expected(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Dry run: would the rule match this ticket, which condition failed, what would it do",
            description = "Nothing is done. The rule is tried whether it is active or not and whatever its triggers, "
                    + "on a ticket routing-service has seen ({\"ticketId\": ...}, its facts as of the last event "
                    + "read from the ticket stream) or on one described in the body ({\"ticket\": {...}}).")
    @PostMapping("/{id}/test")
    @ProblemResponse(status = 400, description = "Neither or both of ticketId and ticket, or a body that is not JSON")
    @ProblemResponse(status = 404, description = "No such rule (RULE_NOT_FOUND), or routing-service has not seen "
            + "the ticket in the caller's tenant (TICKET_NOT_FOUND)")
    DryRunView test(@PathVariable String id, @RequestBody DryRunRequest request, Caller caller) {
        RuleAccess.mayRead(caller);
        boolean byId = request.ticketId() != null;
        if (byId == (request.ticket() != null)) {
            throw new InvalidRequest(byId ? "ticket" : "ticketId", byId
                    ? "not with ticketId: name a ticket by id or describe one, not both"
                    : "required: the id of a ticket to try the rule on (or describe one in ticket)");
        }
        if (byId && request.ticketId().isBlank()) {
            throw new InvalidRequest("ticketId", "must not be blank");
        }
        return DryRunView.of(byId ? rules.testOnKnownTicket(caller.tenantId(), id, request.ticketId())
                : rules.test(caller.tenantId(), id, request.ticket()));
    }

    private static String etag(StoredRule rule) {
        return "\"" + rule.version() + "\"";
    }
}
