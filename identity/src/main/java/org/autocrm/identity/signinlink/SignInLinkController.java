package org.autocrm.identity.signinlink;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.login.LoginController;
import org.autocrm.identity.login.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/sign-in-link} and {@code /confirm}: public paths. */
@Tag(name = "Sign-in links",
        description = "Customers may sign in by a link emailed to them instead of a password.")
@RestController
class SignInLinkController {

    record RequestLink(String tenant, String email) {
    }

    record ConfirmLink(String token) {
    }

    record Accepted(String message) {
    }

    static final Accepted ACCEPTED = new Accepted(
            "If this organisation has a portal account with this email, we sent it a sign-in link.");

    private final SigningInByLink signingIn;

    SignInLinkController(SigningInByLink signingIn) {
        this.signingIn = signingIn;
    }

    @Operation(summary = "Email a sign-in link")
    @PostMapping("/api/auth/sign-in-link")
    Mono<ResponseEntity<Accepted>> request(@RequestBody(required = false) RequestLink request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> signingIn.request(request == null ? null : request.tenant(),
                        request == null ? null : request.email(), address))
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED)));
    }

    @Operation(summary = "Sign in with an emailed link's token")
    @PostMapping("/api/auth/sign-in-link/confirm")
    Mono<ResponseEntity<TokenResponse>> confirm(@RequestBody(required = false) ConfirmLink request,
            ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.call(() -> signingIn.confirm(request == null ? null : request.token(), address))
                .map(LoginController::noStore);
    }
}
