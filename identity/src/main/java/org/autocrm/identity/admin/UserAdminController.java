package org.autocrm.identity.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.directory.Directory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/users}: admins manage accounts; team leads may list them. */
@Tag(name = "Users",
        description = "The tenant's accounts: admins create and change them, team leads may list them.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class UserAdminController {

    record ChangeRole(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"admin", "team_lead", "agent"})
            String role) {
    }

    /** @param groups every group the user is to be in (the ones not named are left); none when left out */
    record ChangeGroups(List<String> groups) {
    }

    private final ManagingUsers managing;
    private final Directory directory;
    private final Clock clock;

    UserAdminController(ManagingUsers managing, Directory directory, Clock clock) {
        this.managing = managing;
        this.directory = directory;
        this.clock = clock;
    }

    @Operation(summary = "Create a user")
    @PostMapping("/api/admin/users")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 409, description = "An account with this email exists in this tenant, or the customer "
            + "has a portal account already")
    @ProblemResponse(status = 422, description = "email, name, role, groups, password or customerId is not acceptable: "
            + "the problem says which (a customer account needs customerId, a staff account has none)")
    Mono<ResponseEntity<UserView>> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) CreateUser request, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> managing.create(admin.tenant(), request, admin.subject(), admin.role().value()))
                .map(account -> ResponseEntity.created(URI.create("/api/admin/users/" + account.id()))
                        .body(UserView.of(account, clock.instant())));
    }

    @Operation(summary = "List the users")
    @GetMapping("/api/admin/users")
    @ProblemResponse(status = 403, description = Refusals.ADMIN_OR_TEAM_LEAD)
    Mono<List<UserView>> list(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange).requireAdminOrTeamLead();
        return Blocking.call(() -> directory.accounts(caller.tenant()).stream()
                .map(account -> UserView.of(account, clock.instant())).toList());
    }

    @Operation(summary = "Read a user")
    @GetMapping("/api/admin/users/{id}")
    @ProblemResponse(status = 403, description = Refusals.ADMIN_OR_TEAM_LEAD)
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    Mono<UserView> one(@PathVariable String id, ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange).requireAdminOrTeamLead();
        return Blocking.call(() -> UserView.of(managing.accountOf(caller, id), clock.instant()));
    }

    @Operation(summary = "Change a user's role")
    @PutMapping("/api/admin/users/{id}/role")
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    @ProblemResponse(status = 409, description = "An admin cannot take the admin role from themselves")
    @ProblemResponse(status = 422, description = "role is not a staff role, or the account is a customer's (which "
            + "stays one)")
    Mono<UserView> changeRole(@PathVariable String id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) ChangeRole request,
            ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> UserView.of(managing.changeRole(admin, id, request == null ? null : request.role()),
                clock.instant()));
    }

    @Operation(summary = "Change a user's groups")
    @PutMapping("/api/admin/users/{id}/groups")
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    @ProblemResponse(status = 422, description = "A group does not exist in this tenant, or the account is a "
            + "customer's (customers are in no group)")
    Mono<UserView> changeGroups(@PathVariable String id, @RequestBody(required = false) ChangeGroups request,
            ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> UserView.of(managing.changeGroups(admin, id, request == null ? null : request.groups()),
                clock.instant()));
    }

    @Operation(summary = "Deactivate a user")
    @PostMapping("/api/admin/users/{id}/deactivate")
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    @ProblemResponse(status = 409, description = "An admin cannot deactivate themselves")
    Mono<UserView> deactivate(@PathVariable String id, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> UserView.of(managing.deactivate(admin, id), clock.instant()));
    }

    @Operation(summary = "Reactivate a user")
    @PostMapping("/api/admin/users/{id}/reactivate")
    @ProblemResponse(status = 404, description = Refusals.NO_SUCH_USER)
    Mono<UserView> reactivate(@PathVariable String id, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> UserView.of(managing.reactivate(admin, id), clock.instant()));
    }
}
