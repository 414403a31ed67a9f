package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.access.apidocs.ProblemResponsesDocumented;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.Refusals;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/admin/tenant/sso}: the tenant's OpenID Connect provider, set up by its admins. */
@Tag(name = "Single sign-on settings",
        description = "The tenant's own OpenID Connect provider, which its users then sign in at (admins only). The "
                + "client secret is write-only: answers say only whether one is set.")
@RestController
@SecurityRequirement(name = ProblemResponsesDocumented.BEARER)
@ProblemResponse(status = 401, description = Refusals.NOT_SIGNED_IN)
@ProblemResponse(status = 403, description = Refusals.ADMIN_ONLY)
@ProblemResponse(status = 404, description = "The caller's tenant no longer exists")
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class SsoSettingsController {

    private final ConfiguringSso configuring;

    SsoSettingsController(ConfiguringSso configuring) {
        this.configuring = configuring;
    }

    @Operation(summary = "Read my tenant's single sign-on settings")
    @GetMapping("/api/admin/tenant/sso")
    Mono<SsoSettingsView> settings(ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> configuring.view(admin.tenant()));
    }

    @Operation(summary = "Set up or change my tenant's single sign-on",
            description = "Replaces the settings stored for the tenant (and takes precedence over a provider the "
                    + "gateway's configuration names). Leave clientSecret out to keep the stored one.")
    @PutMapping("/api/admin/tenant/sso")
    @ProblemResponse(status = 400, description = "No settings were sent, or they are not valid JSON")
    @ProblemResponse(status = 422, description = "A setting is not acceptable, and the problem says which: issuer or "
            + "redirectUri not an https URL (http only on localhost), redirectUri not this tenant's callback, "
            + "clientId missing, clientSecret missing while none is stored, scopes without openid, a role or group "
            + "the maps cannot give")
    Mono<SsoSettingsView> change(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) SsoSettingsRequest request, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> configuring.save(admin.tenant(), request, admin.subject(), admin.role().value()));
    }

    @Operation(summary = "Turn off the single sign-on set up here",
            description = "Removes the stored settings; a provider the gateway's configuration names for the tenant "
                    + "applies again (the answer says so). Answers the settings that now apply.")
    @DeleteMapping("/api/admin/tenant/sso")
    Mono<SsoSettingsView> turnOff(ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange).requireAdmin();
        return Blocking.call(() -> configuring.remove(admin.tenant(), admin.subject(), admin.role().value()));
    }
}
