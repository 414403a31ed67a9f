package org.autocrm.identity.login;

import java.util.Optional;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.IdentityException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** {@code /api/auth/login}, {@code /refresh}, {@code /logout}: public paths, the filter lets them through. */
@RestController
public class LoginController {

    private final SigningIn signingIn;
    private final RefreshCookie cookie;

    LoginController(SigningIn signingIn, RefreshCookie cookie) {
        this.signingIn = signingIn;
        this.cookie = cookie;
    }

    @PostMapping("/api/auth/login")
    Mono<ResponseEntity<TokenResponse>> login(@RequestBody(required = false) LoginRequest request,
            ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        return Blocking.call(() -> signingIn.login(request, address)).map(tokens -> withCookies(tokens, exchange))
                .map(LoginController::noStore);
    }

    @PostMapping("/api/auth/refresh")
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

    @PostMapping("/api/auth/logout")
    Mono<ResponseEntity<Void>> logout(@RequestBody(required = false) RefreshRequest request, ServerWebExchange exchange) {
        String address = clientAddress(exchange);
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        Optional<String> bearer = Optional.ofNullable(authorization)
                .filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim());
        return Blocking.run(() -> signingIn.logout(presented(request, exchange), bearer, address))
                .then(Mono.fromRunnable(() -> cookie.cleared(secure(exchange)).forEach(exchange.getResponse()::addCookie)))
                .then(Mono.just(ResponseEntity.noContent().build()));
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
