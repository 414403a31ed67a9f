package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProblems;
import org.autocrm.identity.Secrets;
import org.autocrm.identity.login.TokenResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Single sign-on at the tenant's OpenID Connect provider, for a browser: {@code start} sends it to the
 * provider and sets a state cookie; the provider sends it back to {@code callback}, which checks the
 * cookie against the state (a sign-in started in another browser is refused), completes the sign-in and
 * hands over the tokens. Public paths (under {@code /api/auth/**}).
 */
@Tag(name = "Single sign-on",
        description = "Sign in at the tenant's own OpenID Connect provider, in a browser.")
@RestController
@ProblemResponse(status = 404, description = "Single sign-on is not set up for this tenant")
@ProblemResponse(status = 503, description = "The tenant's sign-in provider, or the identity store, cannot be reached "
        + "right now (see Retry-After)")
class SsoController {

    static final String STATE_COOKIE = "autocrm_sso_state";
    private static final String COOKIE_PATH = "/api/auth/sso";

    private final SsoProperties properties;
    private final SsoBrowserProperties browser;
    private final SsoLogin sso;
    private final SigningInWithSso signingIn;
    private final IdentityProblems problems;

    SsoController(SsoProperties properties, SsoBrowserProperties browser, SsoLogin sso, SigningInWithSso signingIn,
            IdentityProblems problems) {
        this.properties = properties;
        this.browser = browser;
        this.sso = sso;
        this.signingIn = signingIn;
        this.problems = problems;
    }

    @ExceptionHandler(SsoLoginFailed.class)
    ResponseEntity<ProblemDetail> failed(SsoLoginFailed failure, ServerWebExchange exchange) {
        // the reason carries the status; the message is written for the person signing in and holds no secrets
        IdentityException refusal = new IdentityException(failure.reason().status(), failure.getMessage());
        if (failure.reason() == SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE) {
            refusal.retryAfter(Duration.ofSeconds(30));
        }
        return problems.refused(refusal, exchange);
    }

    @Operation(summary = "Start single sign-on at the tenant's provider")
    @GetMapping("/api/auth/sso/{tenant}/start")
    @ResponseStatus(HttpStatus.FOUND)
    @ApiResponse(responseCode = "302", description = "To the tenant's sign-in provider (Location), with the state "
            + "cookie the callback checks (Set-Cookie)", headers = {
            @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri")),
            @Header(name = HttpHeaders.SET_COOKIE, schema = @Schema(type = "string"))})
    Mono<ResponseEntity<Void>> start(@PathVariable String tenant) {
        OidcSettings settings = properties.settingsFor(tenant);
        return sso.start(tenant, settings).map(redirect -> ResponseEntity.status(HttpStatus.FOUND)
                .location(redirect.location())
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, stateCookie(redirect.state(),
                        Duration.between(Instant.now(), redirect.expiresAt())).toString())
                .build());
    }

    @Operation(summary = "Complete single sign-on")
    @GetMapping("/api/auth/sso/{tenant}/callback")
    @ApiResponse(responseCode = "200", description = "Signed in: the tokens, for a client that asks for JSON (Accept: "
            + "application/json) or when no landing page is configured")
    @ApiResponse(responseCode = "302", description = "Signed in: a browser is sent to the landing page with the tokens "
            + "in the URL fragment", headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string",
            format = "uri")), content = @Content)
    @ProblemResponse(status = 400, description = "The sign-in was started in another browser (no or another state "
            + "cookie), or its state is unknown, used or expired: start again")
    @ProblemResponse(status = 401, description = "The provider refused the sign-in, or its ID token is not valid")
    @ProblemResponse(status = 403, description = "This organisation does not let this identity in: no account, a "
            + "deactivated one, or a role that does not fit it")
    Mono<ResponseEntity<TokenResponse>> callback(@PathVariable String tenant,
            @Parameter(description = "the authorization code the provider sent back")
            @RequestParam(required = false) String code,
            @Parameter(description = "the state start gave the provider") @RequestParam(required = false) String state,
            @Parameter(description = "the provider's refusal, e.g. access_denied")
            @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            ServerWebExchange exchange) {
        OidcSettings settings = properties.settingsFor(tenant);
        String address = ClientAddress.of(exchange);
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(STATE_COOKIE);
        if (state == null || cookie == null || !Secrets.sameHash(cookie.getValue(), state)) {
            throw IdentityException.badRequest("This sign-in was started in another browser or has expired; "
                    + "start it again.");
        }
        var identity = error != null
                ? sso.refused(tenant, state, error, errorDescription)
                : sso.complete(tenant, settings, code, state);
        return identity
                .onErrorResume(SsoLoginFailed.class, failure -> Blocking.run(() -> signingIn.recordFailure(tenant, failure,
                        address)).then(Mono.error(failure)))
                .flatMap(signedIn -> Blocking.call(() -> signingIn.signIn(signedIn, settings, address)))
                .map(tokens -> handOver(tokens, exchange));
    }

    /**
     * A script asking for JSON gets JSON; a browser is redirected to the front end's landing page with the
     * tokens in the fragment, which browsers never send to a server, so no log or Referer carries them.
     */
    private ResponseEntity<TokenResponse> handOver(TokenResponse tokens, ServerWebExchange exchange) {
        boolean wantsJson = exchange.getRequest().getHeaders().getAccept().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.APPLICATION_JSON));
        String clearCookie = stateCookie("", Duration.ZERO).toString();
        if (wantsJson || browser.landingUrl() == null) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                    .header(HttpHeaders.SET_COOKIE, clearCookie).body(tokens);
        }
        URI landing = URI.create(browser.landingUrl() + "#access_token=" + encode(tokens.accessToken())
                + "&refresh_token=" + encode(tokens.refreshToken()) + "&token_type=Bearer&expires_in=" + tokens.expiresIn());
        return ResponseEntity.status(HttpStatus.FOUND).location(landing).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, clearCookie).build();
    }

    private static ResponseCookie stateCookie(String state, Duration maxAge) {
        // Lax: the provider's redirect back is a top-level GET, which carries it; other sites' requests do not
        return ResponseCookie.from(STATE_COOKIE, state).httpOnly(true).secure(true).sameSite("Lax").path(COOKIE_PATH)
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
