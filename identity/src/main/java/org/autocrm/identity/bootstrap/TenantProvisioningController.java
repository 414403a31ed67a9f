package org.autocrm.identity.bootstrap;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.autocrm.identity.IdentityProperties;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.Secrets;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code POST /api/auth/tenants}: the platform operator creates a further tenant and its first admin,
 * authenticated by {@code X-Provisioning-Token} = {@code autocrm.identity.provisioning-token}. Without
 * that property the endpoint does not exist (404). The end-to-end tests use it to give each test a
 * tenant of its own.
 */
@Tag(name = "Tenant provisioning",
        description = "For the platform operator: create a further tenant and its first admin, with the provisioning "
                + "token.")
@RestController
class TenantProvisioningController {

    static final String TOKEN_HEADER = "X-Provisioning-Token";
    /** What users type at login: 2 to 63 lower-case letters, digits or -. */
    static final String TENANT_PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    private static final Pattern TENANT_ID = Pattern.compile(TENANT_PATTERN);

    /** @param tenantName shown to people; the tenant id when left out */
    record CreateTenant(
            @Schema(requiredMode = RequiredMode.REQUIRED, pattern = TENANT_PATTERN, example = "acme") String tenant,
            @Nullable String tenantName,
            @Schema(requiredMode = RequiredMode.REQUIRED, description = "the first admin's") String email,
            @Schema(requiredMode = RequiredMode.REQUIRED) String name,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH)
            String password) {
    }

    record TenantCreated(String tenant, String userId, String email) {
    }

    private final IdentityProperties properties;
    private final Directory directory;
    private final ManagingUsers users;
    private final Clock clock;

    TenantProvisioningController(IdentityProperties properties, Directory directory, ManagingUsers users, Clock clock) {
        this.properties = properties;
        this.directory = directory;
        this.users = users;
        this.clock = clock;
    }

    @Operation(summary = "Create a tenant and its first admin")
    @PostMapping("/api/auth/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 401, description = "The provisioning token (" + TOKEN_HEADER + ") is missing or wrong")
    @ProblemResponse(status = 404, description = "Tenant provisioning is switched off on this gateway")
    @ProblemResponse(status = 409, description = "The tenant exists already")
    @ProblemResponse(status = 422, description = "tenant is not 2 to 63 lower-case letters, digits or -, or the "
            + "admin's email, name or password is not acceptable: the problem says which")
    @ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
    Mono<ResponseEntity<TenantCreated>> create(
            @Parameter(description = "the platform operator's provisioning token")
            @RequestHeader(name = TOKEN_HEADER, required = false) String token,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) CreateTenant request) {
        String expected = properties.provisioningToken();
        if (expected == null || expected.isBlank()) {
            throw IdentityException.notFound("Tenant provisioning is switched off on this gateway.");
        }
        if (token == null || !Secrets.sameHash(Secrets.sha256(expected), Secrets.sha256(token))) {
            throw IdentityException.unauthorized("Send the operator's provisioning token as " + TOKEN_HEADER + ".");
        }
        if (request == null || request.tenant() == null || !TENANT_ID.matcher(request.tenant()).matches()) {
            throw new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "tenant must be 2 to 63 lower-case letters, digits or -, e.g. acme.");
        }
        return Blocking.call(() -> {
            String name = request.tenantName() == null || request.tenantName().isBlank() ? request.tenant() : request.tenantName();
            if (directory.tenant(request.tenant()).isPresent()) {
                throw IdentityException.conflict("Tenant " + request.tenant() + " exists already.");
            }
            // the admin first: if its email or password is refused, no tenant without an admin is left behind
            Account admin = users.create(request.tenant(), new CreateUser(request.email(), request.name(), Role.ADMIN.value(),
                    List.of(), request.password(), null), "operator", "system");
            directory.createTenant(new Tenant(request.tenant(), name.trim(), TenantSettings.defaults(), clock.instant()));
            return ResponseEntity.created(URI.create("/api/admin/users/" + admin.id()))
                    .body(new TenantCreated(admin.tenantId(), admin.id(), admin.email()));
        });
    }
}
