package org.autocrm.identity.login;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Optional;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.Refusals;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth/login}, {@code /refresh}, {@code /logout}: public paths, the filter lets them through. */
@Tag(name = "Sign-in",
        description = "Sign in with a password, keep the session going and end it. A sign-in answers a 15-minute "
                + "access token (send it as `Authorization: Bearer`) and a refresh token that rotates at every "
                + "refresh.")
@RestController
@ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
public class LoginController {

    private static final String CSRF_REFUSED = "The session cookie came without an X-CSRF-Token header matching the "
            + "readable CSRF cookie";

    private final SigningIn signingIn;
    private final RefreshCookie cookie;

    LoginController(SigningIn signingIn, RefreshCookie cookie) {
        this.signingIn = signingIn;
        this.cookie = cookie;
    }

    @Operation(summary = "Sign in with email and password")
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
        return Blocking.call(() -> signingIn.login(request, address)).map(tokens -> withCookies(tokens, exchange))
                .map(LoginController::noStore);
    }

    @Operation(summary = "Get new tokens for a refresh token")
    @PostMapping("/api/auth/refresh")
    @ProblemResponse(status = 400, description = "refreshToken is missing, or the body is not valid JSON")
    @ProblemResponse(status = 401, description = "The refresh token is unknown, expired, revoked or used already (a "
            + "reused one ends its session)")
    @ProblemResponse(status = 403, description = CSRF_REFUSED)
    Mono<ResponseEntity<TokenResponse>> refresh(@RequestBody(required = false) RefreshRequest request,
            ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        // a browser sends no body: its refresh token is the cookie (with the CSRF header); a refused one is cleared
        return Blocking.call(() -> signingIn.refresh(presented(request, exchange), address))
                .map(tokens -> withCookies(tokens, exchange)).map(LoginController::noStore)
                .doOnError(IdentityException.class, refused -> {
                    if (refused.status() == HttpStatus.UNAUTHORIZED) {
                        cookie.cleared(secure(exchange)).forEach(exchange.getResponse()::addCookie);
                    }
                });
    }

    @Operation(summary = "Sign out")
    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ProblemResponse(status = 401, description = "Neither the refresh token sent nor the access token "
            + "(Authorization: Bearer) names a session that can be ended")
    @ProblemResponse(status = 403, description = CSRF_REFUSED)
    Mono<Void> logout(@RequestBody(required = false) LogoutRequest request, ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        RefreshRequest sent = request == null ? null : new RefreshRequest(request.refreshToken());
        return Blocking.run(() -> signingIn.logout(new LogoutRequest(Optional.ofNullable(presented(sent, exchange))
                        .map(RefreshRequest::refreshToken).orElse(null)), bearer, address))
                .then(Mono.fromRunnable(() -> cookie.cleared(secure(exchange)).forEach(exchange.getResponse()::addCookie)));
    }

    /** The browser's session cookies for these tokens (RefreshCookie); the tokens as they were. */
    private TokenResponse withCookies(TokenResponse tokens, ServerWebExchange exchange) {
        cookie.issued(tokens.refreshToken(), secure(exchange)).forEach(exchange.getResponse()::addCookie);
        return tokens;
    }

    /** The refresh token in the body, or else the session cookie's with its CSRF check. */
    private RefreshRequest presented(RefreshRequest body, ServerWebExchange exchange) {
        MultiValueMap<String, HttpCookie> cookies = exchange.getRequest().getCookies();
        return cookie.tokenOf(body, valueOf(cookies.getFirst(RefreshCookie.NAME)),
                valueOf(cookies.getFirst(RefreshCookie.CSRF_COOKIE)),
                exchange.getRequest().getHeaders().getFirst(RefreshCookie.CSRF_HEADER));
    }

    private static String valueOf(HttpCookie cookie) {
        return cookie == null ? null : cookie.getValue();
    }

    private static boolean secure(ServerWebExchange exchange) {
        return "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
    }

    /** Tokens must not sit in a browser or proxy cache. */
    public static ResponseEntity<TokenResponse> noStore(TokenResponse tokens) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache").body(tokens);
    }

    static String clientAddress(ServerWebExchange exchange) {
        return ClientAddress.of(exchange);
    }
}
