package org.autocrm.identity.signinlink;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.login.LoginController;
import org.autocrm.identity.login.RefreshCookie;
import org.autocrm.identity.login.TokenResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code POST /api/auth/sign-in-link} and {@code /confirm}: public paths. */
@Tag(name = "Sign-in links",
        description = "Customers may sign in by a link emailed to them instead of a password.")
@RestController
@ProblemResponse(status = 429, description = Refusals.TOO_MANY_FROM_ADDRESS)
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
class SignInLinkController {

    record RequestLink(@Schema(requiredMode = RequiredMode.REQUIRED, example = "acme") String tenant,
            @Schema(requiredMode = RequiredMode.REQUIRED) String email) {
    }

    record ConfirmLink(@Schema(requiredMode = RequiredMode.REQUIRED, description = "the token the email carried")
            String token) {
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

    /** Answered alike whether or not a portal account exists. */
    @Operation(summary = "Email a sign-in link")
    @PostMapping("/api/auth/sign-in-link")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ProblemResponse(status = 400, description = "tenant or email is missing, or the body is not valid JSON")
    Mono<Accepted> request(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) RequestLink request, ServerWebExchange exchange) {
        String address = ClientAddress.of(exchange);
        return Blocking.run(() -> signingIn.request(request == null ? null : request.tenant(),
                        request == null ? null : request.email(), address))
                .thenReturn(ACCEPTED);
    }

    @Operation(summary = "Sign in with an emailed link's token")
    @PostMapping("/api/auth/sign-in-link/confirm")
    @ProblemResponse(status = 400, description = "token is missing, the body is not valid JSON, or the link is "
            + "unknown, expired or used already")
    Mono<ResponseEntity<TokenResponse>> confirm(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) ConfirmLink request,
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
