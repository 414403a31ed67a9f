package org.autocrm.identity.signinlink;

import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.login.LoginController;
import org.autocrm.identity.login.RefreshCookie;
import org.autocrm.identity.login.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/sign-in-link} and {@code /confirm}: public paths. */
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
    private final RefreshCookie cookie;

    SignInLinkController(SigningInByLink signingIn, RefreshCookie cookie) {
        this.signingIn = signingIn;
        this.cookie = cookie;
    }

    @PostMapping("/api/auth/sign-in-link")
    Mono<ResponseEntity<Accepted>> request(@RequestBody(required = false) RequestLink request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> signingIn.request(request == null ? null : request.tenant(),
                        request == null ? null : request.email(), address))
                .then(Mono.fromSupplier(() -> ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED)));
    }

    @PostMapping("/api/auth/sign-in-link/confirm")
    Mono<ResponseEntity<TokenResponse>> confirm(@RequestBody(required = false) ConfirmLink request,
            ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.call(() -> signingIn.confirm(request == null ? null : request.token(), address))
                .map(tokens -> {
                    // the portal opened from the email keeps its session in the browser's cookie (RefreshCookie)
                    boolean secure = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
                    cookie.issued(tokens.refreshToken(), secure).forEach(exchange.getResponse()::addCookie);
                    return tokens;
                })
                .map(LoginController::noStore);
    }
}
