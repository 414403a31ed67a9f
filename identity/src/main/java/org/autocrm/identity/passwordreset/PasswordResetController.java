package org.autocrm.identity.passwordreset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.directory.Passwords;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/password-reset} and {@code /confirm}: public paths. */
@Tag(name = "Password reset",
        description = "A forgotten password is reset by a token emailed to the account's address.")
@RestController
@ProblemResponse(status = 429, description = Refusals.TOO_MANY_FROM_ADDRESS)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class PasswordResetController {

    record RequestReset(@Schema(requiredMode = RequiredMode.REQUIRED, example = "acme") String tenant,
            @Schema(requiredMode = RequiredMode.REQUIRED) String email) {
    }

    record ConfirmReset(@Schema(requiredMode = RequiredMode.REQUIRED, description = "the token the email carried")
            String token,
            @Schema(requiredMode = RequiredMode.REQUIRED, minLength = Passwords.MIN_LENGTH, maxLength = Passwords.MAX_LENGTH)
            String newPassword) {
    }

    record Accepted(String message) {
    }

    static final Accepted ACCEPTED = new Accepted(
            "If this organisation has an account with this email, we sent it a link to reset the password.");

    private final ResettingPasswords resetting;

    PasswordResetController(ResettingPasswords resetting) {
        this.resetting = resetting;
    }

    /** Answered alike whether or not the account exists. */
    @Operation(summary = "Email a password reset token")
    @PostMapping("/api/auth/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponse(status = 400, description = "tenant or email is missing, or the body is not valid JSON")
    Mono<Accepted> request(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) RequestReset request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> resetting.request(request == null ? null : request.tenant(),
                        request == null ? null : request.email(), address))
                .thenReturn(ACCEPTED);
    }

    @Operation(summary = "Set a new password with an emailed token")
    @PostMapping("/api/auth/password-reset/confirm")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 400, description = "token or newPassword is missing, the body is not valid JSON, or the "
            + "token is unknown, expired or used already")
    @ProblemResponse(status = 422, description = "newPassword is too short or too long (the token stays good)")
    Mono<Void> confirm(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) ConfirmReset request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> resetting.confirm(request == null ? null : request.token(),
                request == null ? null : request.newPassword(), address));
    }
}
