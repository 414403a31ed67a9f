package org.autocrm.identity.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Group;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/groups}: admins create groups; team leads may list them. */
@Tag(name = "Groups",
        description = "The tenant's groups of agents: admins create them, team leads may list them.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class GroupAdminController {

    /** The id shows up in tickets and tokens, so it is a readable slug like {@code tier-1}. */
    private static final String SLUG_PATTERN = "^[a-z0-9][a-z0-9_-]{0,63}$";
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

    /** @param name shown to people; the id when left out */
    record CreateGroup(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, pattern = SLUG_PATTERN, example = "tier-1") String id,
            @Nullable String name) {
    }

    record GroupView(String id, String name) {
        static GroupView of(Group group) {
            return new GroupView(group.id(), group.name());
        }
    }

    private final Directory directory;
    private final Clock clock;

    GroupAdminController(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    @Operation(summary = "List the groups")
    @GetMapping("/api/admin/groups")
    @ProblemResponse(status = 403, description = Refusals.ADMIN_OR_TEAM_LEAD)
    Mono<List<GroupView>> list(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange).requireAdminOrTeamLead();
        return Blocking.call(() -> directory.groups(caller.tenant()).stream().map(GroupView::of).toList());
    }

    @Operation(summary = "Create a group")
    @PostMapping("/api/admin/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
    @ProblemResponse(status = 409, description = "A group with this id exists already")
    @ProblemResponse(status = 422, description = "id is not a slug of lower-case letters, digits, - or _ (at most 64)")
    Mono<ResponseEntity<GroupView>> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) CreateGroup request, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        if (request == null || request.id() == null || !SLUG.matcher(request.id()).matches()) {
            throw ManagingUsers.unprocessable("id must be lower-case letters, digits, - or _ (e.g. tier-1), at most 64.");
        }
        String name = request.name() == null || request.name().isBlank() ? request.id() : request.name().trim();
        return Blocking.call(() -> {
            Group group = Group.of(admin.tenant(), request.id(), name, clock.instant());
            if (!directory.createGroup(group)) {
                throw IdentityException.conflict("Group " + request.id() + " already exists.");
            }
            return ResponseEntity.created(URI.create("/api/admin/groups/" + group.id())).body(GroupView.of(group));
        });
    }
}
