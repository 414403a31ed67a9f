package org.autocrm.identity.apikey;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/api-keys}: admins create, list and revoke their tenant's keys. */
@Tag(name = "API keys",
        description = "Keys for integrations, sent as `X-API-Key`: admins create them (the key is shown once), list "
                + "and revoke them. Each key has scopes and may expire.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class ApiKeyController {

    /** Without {@code expiresAt} a key expires after a year: no key lives forever by accident. */
    static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);
    /** A key is rotated at least this often; dates beyond it are typing mistakes (or years the store cannot hold). */
    static final Duration MAX_LIFETIME = Duration.ofDays(3_650);

    /** @param expiresAt in the future, within ten years; a year from now when left out */
    @Schema(requiredProperties = {"name", "scopes"})
    record CreateApiKey(@Schema(minLength = 1) String name,
            @ArraySchema(minItems = 1, schema = @Schema(type = "string", allowableValues = {"tickets:read",
                    "tickets:write", "customers:read", "customers:write", "routing:read", "routing:write", "admin"}))
            List<String> scopes,
            @Nullable Instant expiresAt) {
    }

    /** The answer to a create: the only time {@code key} is ever shown. */
    record CreatedApiKey(String id, String name, List<String> scopes, Instant createdAt, Instant expiresAt, String key) {
    }

    /** {@code revokedAt} and {@code lastUsedAt} are null while the key is not revoked, or not used yet. */
    record ApiKeyView(String id, String name, List<String> scopes, String createdBy, Instant createdAt, Instant expiresAt,
            @Nullable Instant revokedAt, @Nullable Instant lastUsedAt) {
        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.scopes(), key.createdBy(), key.createdAt(), key.expiresAt(),
                    key.revokedAt(), key.lastUsedAt());
        }
    }

    private final ApiKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    ApiKeyController(ApiKeys keys, AuditLog audit, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Operation(summary = "Create an API key")
    @PostMapping("/api/admin/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @ProblemResponse(status = 422, description = "name is empty, scopes is not a non-empty list of known scopes, or "
            + "expiresAt is not in the future or more than ten years ahead")
    Mono<ResponseEntity<CreatedApiKey>> create(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) CreateApiKey request,
            ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw unprocessable("name must not be empty.");
        }
        if (request.scopes() == null || request.scopes().isEmpty() || !ApiKey.SCOPES.containsAll(request.scopes())) {
            throw unprocessable("scopes must be a non-empty list out of " + String.join(", ", ApiKey.SCOPES) + ".");
        }
        Instant now = clock.instant();
        Instant expiresAt = request.expiresAt() == null ? now.plus(DEFAULT_LIFETIME) : request.expiresAt();
        if (!expiresAt.isAfter(now)) {
            throw unprocessable("expiresAt must be in the future.");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw unprocessable("expiresAt must be within ten years from now.");
        }
        List<String> scopes = request.scopes().stream().distinct().toList();
        return Blocking.call(() -> {
            ApiKeys.Created created = keys.create(admin.tenant(), request.name().trim(), scopes, expiresAt, admin.subject());
            audit.record(admin.tenant(), AuditKind.API_KEY_CREATED, null, null, null,
                    Map.of("keyId", created.key().id(), "name", created.key().name(), "scopes", String.join(" ", scopes)),
                    admin.subject(), admin.role().value());
            ApiKey key = created.key();
            return ResponseEntity.created(URI.create("/api/admin/api-keys/" + key.id()))
                    .body(new CreatedApiKey(key.id(), key.name(), key.scopes(), key.createdAt(), key.expiresAt(),
                            created.plaintext()));
        });
    }

    @Operation(summary = "List the API keys")
    @GetMapping("/api/admin/api-keys")
    Mono<List<ApiKeyView>> list(ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> keys.list(admin.tenant()).stream().map(ApiKeyView::of).toList());
    }

    @Operation(summary = "Revoke an API key")
    @DeleteMapping("/api/admin/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 404, description = "There is no API key with this id in the caller's tenant")
    Mono<Void> revoke(@PathVariable String id, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.run(() -> {
            ApiKey key = keys.key(admin.tenant(), id)
                    .orElseThrow(() -> IdentityException.notFound("No API key " + id + " in this tenant."));
            if (keys.revoke(key.id())) {
                audit.record(admin.tenant(), AuditKind.API_KEY_REVOKED, null, null, null,
                        Map.of("keyId", key.id(), "name", key.name()), admin.subject(), admin.role().value());
            }
        });
    }

    private static IdentityException unprocessable(String detail) {
        return new IdentityException(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    }
}
