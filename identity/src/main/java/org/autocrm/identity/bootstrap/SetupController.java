package org.autocrm.identity.bootstrap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.autocrm.access.Role;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.admin.CreateUser;
import org.autocrm.identity.admin.ManagingUsers;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Passwords;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.directory.TenantSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/setup}: creates the first tenant and its admin with the one-time setup token. */
@Tag(name = "Setup",
        description = "The first start: create the first tenant and its admin with the one-time setup token.")
@RestController
class SetupController {

    private static final Pattern TENANT_ID = Pattern.compile(TenantProvisioningController.TENANT_PATTERN);

    /** @param tenantName shown to people; the tenant id when left out */
    record Setup(@Schema(requiredMode = RequiredMode.REQUIRED, description = "the one-time token in the gateway's log")
            String setupToken,
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = TenantProvisioningController.TENANT_PATTERN,
                    example = "acme") String tenant,
            @Nullable String tenantName,
            @Schema(requiredMode = RequiredMode.REQUIRED) String email,
            @Schema(requiredMode = RequiredMode.REQUIRED) String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH)
            String password) {
    }

    record SetupDone(String tenant, String userId, String email) {
    }

    private final FirstAdminSetup setup;
    private final Directory directory;
    private final ManagingUsers users;
    private final Clock clock;

    SetupController(FirstAdminSetup setup, Directory directory, ManagingUsers users, Clock clock) {
        this.setup = setup;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Create the first tenant and its admin")
    @PostMapping("/api/auth/setup")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 401, description = "The setup token is missing or wrong")
    @ProblemResponse(status = 409, description = "Setup is done: an admin exists, and admins create further users")
    @ProblemResponse(status = 422, description = "tenant is not 2 to 63 lower-case letters, digits or -, or the "
            + "admin's email, name or password is not acceptable: the problem says which")
    @ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
    Mono<ResponseEntity<SetupDone>> setUp(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) Setup request) {
        return Blocking.call(() -> {
            if (directory.anyAdmin()) {
                throw IdentityException.conflict("Setup is done: an admin exists. Admins create further users.");
            }
            if (request == null || !setup.accepts(request.setupToken())) {
                throw IdentityException.unauthorized("The setup token is wrong; it is in the gateway's log at start.");
            }
            if (request.tenant() == null || !TENANT_ID.matcher(request.tenant()).matches()) {
                throw new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY,
                        "tenant must be 2 to 63 lower-case letters, digits or -, e.g. acme.");
            }
            String name = request.tenantName() == null || request.tenantName().isBlank() ? request.tenant() : request.tenantName();
            directory.createTenant(new Tenant(request.tenant(), name.trim(), TenantSettings.defaults(), clock.instant()));
            Account admin = users.create(request.tenant(), new CreateUser(request.email(), request.name(), Role.ADMIN.value(), List.of(),
                    request.password(), null), "setup", "system");
            setup.used();
            return ResponseEntity.created(URI.create("/api/admin/users/" + admin.id()))
                    .body(new SetupDone(admin.tenantId(), admin.id(), admin.email()));
        });
    }
}
