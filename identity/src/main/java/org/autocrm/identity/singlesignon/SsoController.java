package org.autocrm.identity.singlesignon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.autocrm.access.apidocs.ProblemResponse;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.ClientAddress;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProblems;
import org.autocrm.identity.Refusals;
import org.autocrm.identity.Secrets;
import org.autocrm.identity.login.RefreshCookie;
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
 * hands over the session: to a browser as the web app's session cookie ({@link RefreshCookie}), to a client
 * asking for JSON as the token pair. Public paths (under {@code /api/auth/**}), like the sign-in page's question
 * whether a tenant offers single sign-on at all.
 */
@Tag(name = "Single sign-on",
        description = "Sign in at the tenant's own OpenID Connect provider, in a browser.")
@RestController
@ProblemResponse(status = 503, description = "The tenant's sign-in provider, or the identity store, cannot be reached "
        + "right now (see Retry-After)")
class SsoController {

    static final String STATE_COOKIE = "autocrm_sso_state";
    private static final String NOT_CONFIGURED = "Single sign-on is not set up for this tenant";
    private static final String COOKIE_PATH = "/api/auth/sso";
    /** The web app's sign-in page, where a browser whose single sign-on failed is sent with {@code ?sso=<reason>}. */
    private static final String SIGN_IN_PAGE = "/";
    private static final Map<HttpStatus, String> BROWSER_REASONS = Map.of(
            HttpStatus.BAD_REQUEST, "expired",
            HttpStatus.UNAUTHORIZED, "refused",
            HttpStatus.FORBIDDEN, "not-permitted",
            HttpStatus.NOT_FOUND, "not-configured",
            HttpStatus.SERVICE_UNAVAILABLE, "unavailable");

    /** What the sign-in page may know about a tenant: whether it offers single sign-on and the button's name. */
    record SsoOffer(@Schema(description = "whether the tenant's users can sign in at its own provider") boolean offered,
            @Nullable @Schema(description = "what to call the provider on the button; null for none") String displayName) {
    }

    private final SsoProviders providers;
    private final SsoLogin sso;
    private final SigningInWithSso signingIn;
    private final RefreshCookie session;
    private final IdentityProblems problems;

    SsoController(SsoProviders providers, SsoLogin sso, SigningInWithSso signingIn, RefreshCookie session,
            IdentityProblems problems) {
        this.providers = providers;
        this.sso = sso;
        this.signingIn = signingIn;
        this.session = session;
        this.problems = problems;
    }

    @ExceptionHandler(SsoLoginFailed.class)
    ResponseEntity<?> failed(SsoLoginFailed failure, ServerWebExchange exchange) {
        // the reason carries the status; the message is written for the person signing in and holds no secrets
        IdentityException refusal = new IdentityException(failure.reason().status(), failure.getMessage());
        if (failure.reason() == SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE) {
            refusal.retryAfter(Duration.ofSeconds(30));
        }
        return refused(refusal, exchange);
    }

    /**
     * A browser finds itself on the sign-in page again, which says what went wrong in the person's language; a
     * client gets the problem.
     */
    @ExceptionHandler(IdentityException.class)
    ResponseEntity<?> refused(IdentityException refusal, ServerWebExchange exchange) {
        if (!isBrowser(exchange)) {
            return problems.refused(refusal, exchange);
        }
        String reason = BROWSER_REASONS.getOrDefault(refusal.status(), "failed");
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(SIGN_IN_PAGE + "?sso=" + reason))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.SET_COOKIE, stateCookie("", Duration.ZERO).toString()).build();
    }

    @Operation(summary = "Whether a tenant offers single sign-on",
            description = "For the sign-in page's button. Answers alike for a tenant without single sign-on and one "
                    + "that does not exist.")
    @GetMapping("/api/auth/sso/{tenant}")
    @ProblemResponse(status = 503, description = Refusals.STORE_UNAVAILABLE)
    Mono<ResponseEntity<SsoOffer>> offer(@Parameter(description = "the organisation id typed at sign-in")
            @PathVariable String tenant) {
        return Blocking.call(() -> providers.offered(tenant)
                        .map(offer -> new SsoOffer(true, offer.displayName()))
                        .orElse(new SsoOffer(false, null)))
                .map(offer -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(offer));
    }

    @Operation(summary = "Start single sign-on at the tenant's provider")
    @GetMapping("/api/auth/sso/{tenant}/start")
    @ProblemResponse(status = 404, description = NOT_CONFIGURED)
    @ResponseStatus(HttpStatus.FOUND)
    @ApiResponse(responseCode = "302", description = "To the tenant's sign-in provider (Location), with the state "
            + "cookie the callback checks (Set-Cookie); a browser (Accept: text/html) that cannot be sent there is sent "
            + "to the sign-in page, /?sso=not-configured or /?sso=unavailable, instead of a problem", headers = {
            @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri")),
            @Header(name = HttpHeaders.SET_COOKIE, schema = @Schema(type = "string"))})
    Mono<ResponseEntity<Void>> start(@PathVariable String tenant) {
        return Blocking.call(() -> providers.settingsFor(tenant))
                .flatMap(settings -> sso.start(tenant, settings))
                .map(redirect -> ResponseEntity.status(HttpStatus.FOUND)
                        .location(redirect.location())
                        .cacheControl(CacheControl.noStore())
                        .header(HttpHeaders.SET_COOKIE, stateCookie(redirect.state(),
                                Duration.between(Instant.now(), redirect.expiresAt())).toString())
                        .build());
    }

    @Operation(summary = "Complete single sign-on")
    @GetMapping("/api/auth/sso/{tenant}/callback")
    @ApiResponse(responseCode = "200", description = "Signed in: the tokens, for a client that does not ask for a web "
            + "page (Accept without text/html, e.g. application/json)")
    @ApiResponse(responseCode = "302", description = "A browser (Accept: text/html): signed in, it is sent to the web "
            + "app (/app for staff, /portal for customers) with the session in the refresh cookie (Set-Cookie "
            + "autocrm_refresh, httpOnly, SameSite=Strict, and autocrm_csrf), no token in the URL; refused, it is "
            + "sent to the sign-in page with ?sso=expired, refused, not-permitted, not-configured or unavailable",
            headers = {@Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri")),
                    @Header(name = HttpHeaders.SET_COOKIE, schema = @Schema(type = "string"))},
            content = @Content)
    @ProblemResponse(status = 400, description = "The sign-in was started in another browser (no or another state "
            + "cookie), or its state is unknown, used or expired: start again")
    @ProblemResponse(status = 401, description = "The provider refused the sign-in, or its ID token is not valid")
    @ProblemResponse(status = 404, description = NOT_CONFIGURED)
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
        String address = ClientAddress.of(exchange);
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(STATE_COOKIE);
        return Blocking.call(() -> providers.settingsFor(tenant)).flatMap(settings -> {
            if (state == null || cookie == null || !Secrets.sameHash(cookie.getValue(), state)) {
                return Mono.error(IdentityException.badRequest("This sign-in was started in another browser or has "
                        + "expired; start it again."));
            }
            var identity = error != null
                    ? sso.refused(tenant, state, error, errorDescription)
                    : sso.complete(tenant, settings, code, state);
            return identity
                    .onErrorResume(SsoLoginFailed.class, failure -> Blocking.run(() -> signingIn.recordFailure(tenant,
                            failure, address)).then(Mono.error(failure)))
                    .flatMap(signedIn -> Blocking.call(() -> signingIn.signIn(signedIn, settings, address)))
                    .map(signedIn -> handOver(signedIn, exchange));
        });
    }

    /**
     * A browser gets the web app's session: the refresh token in the httpOnly cookie a page restores its session
     * from (as after a password sign-in), and is sent to its home page; no token is ever in a URL. A client that
     * does not ask for a page gets the tokens as JSON.
     */
    private ResponseEntity<TokenResponse> handOver(SigningInWithSso.SignedIn signedIn, ServerWebExchange exchange) {
        String clearState = stateCookie("", Duration.ZERO).toString();
        TokenResponse tokens = signedIn.tokens();
        if (!isBrowser(exchange)) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header("Pragma", "no-cache")
                    .header(HttpHeaders.SET_COOKIE, clearState).body(tokens);
        }
        boolean secure = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        var response = ResponseEntity.status(HttpStatus.FOUND)
                .location(URI.create(signedIn.customer() ? "/portal" : "/app"))
                .cacheControl(CacheControl.noStore()).header(HttpHeaders.SET_COOKIE, clearState);
        session.issued(tokens.refreshToken(), secure)
                .forEach(sessionCookie -> response.header(HttpHeaders.SET_COOKIE, sessionCookie.toString()));
        return response.build();
    }

    /**
     * A browser's navigation asks for a page (text/html); a script or API client asks for JSON or anything. A
     * request naming JSON is a client, whatever else it accepts.
     */
    private static boolean isBrowser(ServerWebExchange exchange) {
        var accepted = exchange.getRequest().getHeaders().getAccept();
        boolean json = accepted.stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatibleWith(MediaType.APPLICATION_JSON));
        boolean page = accepted.stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatibleWith(MediaType.TEXT_HTML));
        return page && !json;
    }

    private static ResponseCookie stateCookie(String state, Duration maxAge) {
        // Lax: the provider's redirect back is a top-level GET, which carries it; other sites' requests do not
        return ResponseCookie.from(STATE_COOKIE, state).httpOnly(true).secure(true).sameSite("Lax").path(COOKIE_PATH)
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge).build();
    }
}
