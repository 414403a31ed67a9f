package org.autocrm.gateway.identity.admin;

import java.util.Map;
import org.autocrm.gateway.identity.Blocking;
import org.autocrm.gateway.identity.IdentityException;
import org.autocrm.gateway.identity.audit.AuditKind;
import org.autocrm.gateway.identity.audit.AuditLog;
import org.autocrm.gateway.identity.authentication.Caller;
import org.autocrm.gateway.identity.directory.Directory;
import org.autocrm.gateway.identity.directory.Tenant;
import org.autocrm.gateway.identity.directory.TenantSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/tenant}: the caller's own tenant and its identity settings (admin only). */
@RestController
class TenantSettingsController {

    private final Directory directory;
    private final AuditLog audit;

    TenantSettingsController(Directory directory, AuditLog audit) {
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/api/admin/tenant")
    Mono<Tenant> tenant(ServerWebExchange exchange) {
        Caller admin = Caller.of(exchange).requireAdmin();
        return Blocking.call(() -> tenantOf(admin));
    }

    @PutMapping("/api/admin/tenant/settings")
    Mono<Tenant> changeSettings(@RequestBody(required = false) TenantSettings settings, ServerWebExchange exchange) {
        Caller admin = Caller.of(exchange).requireAdmin();
        if (settings == null) {
            throw IdentityException.badRequest("Send the settings, e.g. {\"requireTotp\": true}.");
        }
        return Blocking.call(() -> {
            Tenant changed = directory.saveTenant(tenantOf(admin).withSettings(settings));
            audit.record(admin.tenant(), AuditKind.TENANT_SETTINGS_CHANGED, null, null, null,
                    Map.of("requireTotp", Boolean.toString(settings.requireTotp())), admin.subject(), admin.role().wireName());
            return changed;
        });
    }

    private Tenant tenantOf(Caller caller) {
        return directory.tenant(caller.tenant())
                .orElseThrow(() -> IdentityException.notFound("Tenant " + caller.tenant() + " does not exist."));
    }
}
