package org.autocrm.identity.passwordreset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/password-reset} and {@code /confirm}: public paths. */
@Tag(name = "Password reset",
        description = "A forgotten password is reset by a token emailed to the account's address.")
@RestController
class PasswordResetController {

    record RequestReset(String tenant, String email) {
    }

    record ConfirmReset(String token, String newPassword) {
    }

    record Accepted(String message) {
    }

    static final Accepted ACCEPTED = new Accepted(
            "If this organisation has an account with this email, we sent it a link to reset the password.");

    private final ResettingPasswords resetting;

    PasswordResetController(ResettingPasswords resetting) {
        this.resetting = resetting;
    }

    @Operation(summary = "Email a password reset token")
    @PostMapping("/api/auth/password-reset")
    Mono<ResponseEntity<Accepted>> request(@RequestBody(required = false) RequestReset request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> resetting.request(request == null ? null : request.tenant(),
                        request == null ? null : request.email(), address))
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED)));
    }

    @Operation(summary = "Set a new password with an emailed token")
    @PostMapping("/api/auth/password-reset/confirm")
    Mono<ResponseEntity<Void>> confirm(@RequestBody(required = false) ConfirmReset request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> resetting.confirm(request == null ? null : request.token(),
                        request == null ? null : request.newPassword(), address))
                .then(Mono.fromSupplier(() -> ResponseEntity.noContent().build()));
    }
}
