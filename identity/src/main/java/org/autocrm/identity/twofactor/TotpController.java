package org.autocrm.identity.twofactor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/me/totp}: a signed-in staff user, or one holding the enrolment-only token a login gave
 * them, turns TOTP on; a signed-in one turns it off. {@code /api/admin/users/{id}/totp}: an admin resets another
 * user's.
 */
@Tag(name = "Two-factor sign-in",
        description = "Time-based one-time passwords (TOTP) for staff: turn them on and off for yourself; admins reset "
                + "another user's.")
@RestController
class TotpController {

    record Confirm(String code) {
    }

    record Disable(String code, String password) {
    }

    private final EnrollingTotp enrolling;
    private final ResettingTotp resetting;

    TotpController(EnrollingTotp enrolling, ResettingTotp resetting) {
        this.enrolling = enrolling;
        this.resetting = resetting;
    }

    @Operation(summary = "Start turning on two-factor sign-in")
    @PostMapping("/api/me/totp")
    Mono<ResponseEntity<EnrollingTotp.Started>> start(ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        return Blocking.call(() -> enrolling.start(caller))
                .map(started -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(started));
    }

    @Operation(summary = "Turn on two-factor sign-in with a first code")
    @PostMapping("/api/me/totp/confirm")
    Mono<ResponseEntity<EnrollingTotp.Enabled>> confirm(@RequestBody(required = false) Confirm request,
            ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        String enrolmentToken = exchange.getAttribute(EnrolmentToken.ATTRIBUTE);
        return Blocking.call(() -> enrolling.confirm(caller, request == null ? null : request.code(), enrolmentToken))
                .map(enabled -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(enabled));
    }

    @Operation(summary = "Turn off two-factor sign-in")
    @DeleteMapping("/api/me/totp")
    Mono<ResponseEntity<Void>> disable(@RequestBody(required = false) Disable request, ServerWebExchange exchange) {
        Authentication caller = Authentication.of(exchange);
        return Blocking.run(() -> enrolling.disable(caller, request == null ? null : request.code(),
                        request == null ? null : request.password()))
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.NO_CONTENT).build()));
    }

    /** An admin turns off another staff user's TOTP (lost authenticator and recovery codes). */
    @Operation(summary = "Reset a user's two-factor sign-in")
    @DeleteMapping("/api/admin/users/{id}/totp")
    Mono<ResponseEntity<Void>> reset(@PathVariable String id, ServerWebExchange exchange) {
        Authentication admin = Authentication.of(exchange);
        return Blocking.run(() -> resetting.reset(admin, id))
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.NO_CONTENT).build()));
    }
}
