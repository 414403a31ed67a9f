package org.autocrm.identity.login;

import java.util.Optional;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.Refusals;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth/login}, {@code /refresh}, {@code /logout}: public paths, the filter lets them through. */
@RestController
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
public class LoginController {

    private final SigningIn signingIn;

    LoginController(SigningIn signingIn) {
        this.signingIn = signingIn;
    }

    @PostMapping("/api/auth/login")
    @ProblemResponse(status = 400, description = "tenant, email or password is missing, or the body is not valid JSON")
    @ProblemResponse(status = 401, description = "Wrong email or password (alike for an unknown email and a deactivated "
            + "or locked account; a locked one says Retry-After), or a TOTP code is needed or wrong (problem type "
            + "https://autocrm.org/problems/totp-required)")
    @ProblemResponse(status = 403, description = "The organisation requires two-factor sign-in and the account has not "
            + "set it up: the problem (type https://autocrm.org/problems/totp-enrolment-required) carries "
            + "enrolmentToken and enrolmentExpiresIn")
    @ProblemResponse(status = 429, description = Refusals.TOO_MANY_FROM_ADDRESS)
    Mono<ResponseEntity<TokenResponse>> login(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) LoginRequest request,
            ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        return Blocking.call(() -> signingIn.login(request, address)).map(LoginController::noStore);
    }

    @PostMapping("/api/auth/refresh")
    @ProblemResponse(status = 400, description = "refreshToken is missing, or the body is not valid JSON")
    @ProblemResponse(status = 401, description = "The refresh token is unknown, expired, revoked or used already (a "
            + "reused one ends its session)")
    Mono<ResponseEntity<TokenResponse>> refresh(
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true)
            @RequestBody(required = false) RefreshRequest request,
            ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        return Blocking.call(() -> signingIn.refresh(request, address)).map(LoginController::noStore);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 401, description = "Neither the refresh token sent nor the access token "
            + "(Authorization: Bearer) names a session that can be ended")
    Mono<Void> logout(@RequestBody(required = false) LogoutRequest request, ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        return Blocking.run(() -> signingIn.logout(request, bearer, address));
    }

    /** Tokens must not sit in a browser or proxy cache. */
    public static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(tokens);
    }

    static String clientAddress(ServerWebExchange exchange) {
        return ClientAddress.of(exchange);
    }
}
