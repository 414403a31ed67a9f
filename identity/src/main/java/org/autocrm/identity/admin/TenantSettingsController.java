package org.autocrm.identity.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.audit.AuditKind;
import org.autocrm.identity.audit.AuditLog;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.directory.Tenant;
import org.autocrm.identity.directory.TenantSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/tenant}: the caller's own tenant and its identity settings (admin only). */
@Tag(name = "Tenant settings",
        description = "The caller's own tenant and its sign-in settings (admins only).")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
@ProblemResponse(status = 404, description = "The caller's tenant no longer exists")
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class TenantSettingsController {

    private final Directory directory;
    private final AuditLog audit;

    TenantSettingsController(Directory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @Operation(summary = "Read my tenant")
    @GetMapping("/api/admin/tenant")
    Mono<Tenant> tenant(ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> tenantOf(admin));
    }

    @Operation(summary = "Change my tenant's sign-in settings")
    @PutMapping("/api/admin/tenant/settings")
    @ProblemResponse(status = 400, description = "No settings were sent, or they are not valid JSON")
    Mono<Tenant> changeSettings(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) TenantSettings settings, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        if (settings == null) {
            throw IdentityException.badRequest("Send the settings, e.g. {\"requireTotp\": true}.");
        }
        return Blocking.call(() -> {
            Tenant changed = directory.saveTenant(tenantOf(admin).withSettings(settings));
            audit.record(admin.tenant(), AuditKind.TENANT_SETTINGS_CHANGED, null, null, null,
                    Map.of("requireTotp", Boolean.toString(settings.requireTotp())), admin.subject(), admin.role().value());
            return changed;
        });
    }

    private Tenant tenantOf(Authentication caller) {
        return directory.tenant(caller.tenant())
                .orElseThrow(() -> IdentityException.notFound("Tenant " + caller.tenant() + " does not exist."));
    }
}
