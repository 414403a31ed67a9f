package org.autocrm.identity.authentication;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.autocrm.access.Caller;
import org.autocrm.access.Role;
import org.autocrm.identity.Authentication;
import org.autocrm.identity.Blocking;
import org.autocrm.identity.IdentityException;
import org.autocrm.identity.IdentityProblems;
import org.autocrm.identity.apikey.ApiKey;
import org.autocrm.identity.apikey.ApiKeys;
import org.autocrm.identity.directory.Account;
import org.autocrm.identity.directory.Directory;
import org.autocrm.identity.onetime.OneTimeTokens;
import org.autocrm.identity.onetime.Purpose;
import org.autocrm.identity.session.Session;
import org.autocrm.identity.session.Sessions;
import org.autocrm.identity.token.AccessTokens;
import org.autocrm.identity.twofactor.EnrolmentToken;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The gateway's door check. Every {@code /api/**} request outside the public paths needs a valid
 * access token (signature, expiry, issuer, audience, and — except for an automation client's token, which has
 * neither — a session that is not revoked of an account
 * that is still active, looked up on every request) or an API key, which is swapped for a 5-minute
 * token naming the key's scopes. Otherwise 401 problem+json with {@code WWW-Authenticate}.
 *
 * <p>The development headers {@code X-AutoCRM-*} are removed from every request, public or not:
 * through the gateway only tokens count. The caller is left in the exchange for the identity
 * endpoints ({@link Authentication#ATTRIBUTE}, the service kit's caller and what identity knows behind it) and, as {@value #RATE_LIMIT_KEY}, for the rate limiter that
 * runs after this filter.
 */
@Component
public class AuthenticationFilter implements WebFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    public static final String RATE_LIMIT_KEY = "autocrm.rateLimitKey";
    public static final String API_KEY_HEADER = "X-API-Key";
    static final List<String> DEV_HEADERS = List.of("X-AutoCRM-Tenant", "X-AutoCRM-User", "X-AutoCRM-Role",
            "X-AutoCRM-Groups");

    private static final List<PathPattern> PUBLIC = Stream.of("/api/auth/**", "/.well-known/**", "/oauth2/token",
                    "/actuator/health", "/actuator/health/**",
                    "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**", "/api-docs/**")
            .map(PathPatternParser.defaultInstance::parse)
            .toList();
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");

    /** Whether anyone may call this path, signed in or not. */
    static boolean isPublic(String path) {
        return isPublic(PathContainer.parsePath(path));
    }

    private static boolean isPublic(PathContainer path) {
        return PUBLIC.stream().anyMatch(pattern -> pattern.matches(path));
    }
    /** The gateway's own operating endpoints (metrics, build info): for admins; only health is public. */
    private static final PathPattern OPERATING = PathPatternParser.defaultInstance.parse("/actuator/**");
    private static final List<PathPattern> ENROLMENT = Stream.of("/api/me/totp", "/api/me/totp/confirm")
            .map(PathPatternParser.defaultInstance::parse)
            .toList();

    private final AccessTokens tokens;
    private final Sessions sessions;
    private final Directory directory;
    private final ApiKeys apiKeys;
    private final IdentityProblems problems;
    private final OneTimeTokens oneTimeTokens;

    AuthenticationFilter(AccessTokens tokens, Sessions sessions, Directory directory, ApiKeys apiKeys,
            IdentityProblems problems, OneTimeTokens oneTimeTokens) {
        this.oneTimeTokens = oneTimeTokens;
        this.tokens = tokens;
        this.sessions = sessions;
        this.directory = directory;
        this.apiKeys = apiKeys;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(headers -> DEV_HEADERS.forEach(headers::remove))
                .build();
        ServerWebExchange stripped = exchange.mutate().request(request).build();
        PathContainer path = request.getPath().pathWithinApplication();
        if (!API.matches(path) && !OPERATING.matches(path) || isPublic(path)
                || CorsUtils.isPreFlightRequest(request)) {
            // a CORS preflight carries no credentials by design; the CORS filter answers it
            return chain.filter(stripped);
        }
        Optional<String> apiKey = apiKeyOf(request);
        Optional<String> bearer = bearerOf(request);
        Mono<ServerWebExchange> authenticated;
        if (bearer.isPresent() && bearer.get().startsWith(EnrolmentToken.PREFIX)) {
            String enrolmentToken = bearer.get().substring(EnrolmentToken.PREFIX.length());
            authenticated = Blocking.call(() -> withEnrolmentToken(stripped, enrolmentToken));
        } else if (apiKey.isPresent()) {
            authenticated = Blocking.call(() -> withApiKey(stripped, apiKey.get()));
        } else if (bearer.isPresent()) {
            authenticated = Blocking.call(() -> withBearer(stripped, bearer.get()));
        } else {
            authenticated = Mono.error(IdentityException.unauthorized(
                    "Sign in first: send Authorization: Bearer <access token> (POST /api/auth/login) or X-API-Key."));
        }
        return authenticated
                .onErrorMap(IdentityProblems::isStoreOutage, outage -> IdentityException.storeUnavailable())
                .flatMap(chain::filter)
                .onErrorResume(IdentityException.class, refusal -> problems.write(refusal, stripped));
    }

    private ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
        Caller verified = tokens.verify(token);
        Authentication authentication;
        if (verified.isApiKey()) {
            String keyId = verified.userId().startsWith("key-") ? verified.userId().substring(4) : "";
            if (!apiKeys.isUsable(keyId)) {
                throw IdentityException.invalidToken("The API key of this token is revoked or expired.");
            }
            authentication = new Authentication(verified, null, null, keyId);
        } else if (verified.is(Role.AUTOMATION)) {
            // an AutoCRM component's client-credentials token: no account or session behind it to look up; it lives
            // 5 minutes and the grant checked the client and the tenant when it was issued
            authentication = new Authentication(new Caller(verified.tenantId(), verified.userId(), verified.role(),
                    Set.of(), Set.of()), null, null, null);
        } else {
            Session session = tokens.sessionOf(token).flatMap(sessions::session)
                    .orElseThrow(() -> IdentityException.invalidToken("This session has ended; sign in again."));
            Account account = directory.account(session.accountId()).orElse(null);
            if (!sessions.isUsable(session.id()) || account == null || !account.active()
                    || !account.tenantId().equals(verified.tenantId())) {
                throw IdentityException.invalidToken("This session has ended or the account is deactivated; sign in again.");
            }
            // a user's token carries no scopes (only an API key's does)
            authentication = new Authentication(new Caller(verified.tenantId(), verified.userId(), verified.role(),
                    verified.groups(), Set.of()), account.id(), session.id(), null);
        }
        return authenticatedAs(exchange, authentication, exchange.getRequest());
    }

    /** Good only to turn TOTP on: the user proved the password but may not have tokens until they enrol. */
    private ServerWebExchange withEnrolmentToken(ServerWebExchange exchange, String enrolmentToken) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (request.getMethod() != HttpMethod.POST || ENROLMENT.stream().noneMatch(pattern -> pattern.matches(path))) {
            throw IdentityException.invalidToken("This token only enrols two-factor sign-in: POST /api/me/totp, then "
                    + "POST /api/me/totp/confirm; then sign in again.");
        }
        Account account = oneTimeTokens.peek(enrolmentToken, Purpose.TOTP_ENROLMENT)
                .flatMap(token -> directory.account(token.accountId()))
                .filter(Account::active)
                .orElseThrow(() -> IdentityException.invalidToken(
                        "The enrolment token is unknown, expired or used; sign in again for a new one."));
        Caller caller = new Caller(account.tenantId(), account.subject(), account.roleType(), Set.copyOf(account.groups()),
                Set.of());
        ServerWebExchange authenticated = authenticatedAs(exchange, new Authentication(caller, account.id(), null, null),
                request);
        authenticated.getAttributes().put(EnrolmentToken.ATTRIBUTE, enrolmentToken);
        return authenticated;
    }

    private ServerWebExchange withApiKey(ServerWebExchange exchange, String plaintext) {
        ApiKey key = apiKeys.authenticate(plaintext)
                .orElseThrow(() -> IdentityException.unauthorized("The API key is unknown, expired or revoked."));
        apiKeys.recordUse(key);
        Caller caller = new Caller(key.tenantId(), "key-" + key.id(), Role.API_KEY, Set.of(), Set.copyOf(key.scopes()));
        String minted = tokens.forApiKey(key.tenantId(), key.id(), key.name(), key.scopes());
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(API_KEY_HEADER);
            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + minted);
        }).build();
        return authenticatedAs(exchange, new Authentication(caller, null, null, key.id()), request);
    }

    private static ServerWebExchange authenticatedAs(ServerWebExchange exchange, Authentication authentication,
            ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        Caller caller = authentication.caller();
        if (caller.isApiKey() && path.startsWith("/api/admin/") && !caller.hasScope("admin")) {
            // an API key only reaches its scopes; the services check tickets:/customers: scopes themselves
            throw IdentityException.forbidden("This API key lacks the admin scope.");
        }
        if (path.startsWith("/actuator") && !(caller.is(Role.ADMIN) || caller.isApiKey() && caller.hasScope("admin"))) {
            throw IdentityException.forbidden("The gateway's metrics and build info are for admins (or an API key with "
                    + "the admin scope); /actuator/health is public.");
        }
        ServerWebExchange authenticated = exchange.mutate().request(request).build();
        authenticated.getAttributes().put(Authentication.ATTRIBUTE, authentication);
        authenticated.getAttributes().put(RATE_LIMIT_KEY, authentication.apiKeyId() != null
                ? "key:" + authentication.apiKeyId()
                : "user:" + caller.tenantId() + ":" + caller.userId());
        return authenticated;
    }

    private static Optional<String> bearerOf(ServerHttpRequest request) {
        return credentialsOf(request, "Bearer ");
    }

    private static Optional<String> apiKeyOf(ServerHttpRequest request) {
        String header = request.getHeaders().getFirst(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.trim());
        }
        return credentialsOf(request, "ApiKey ");
    }

    private static Optional<String> credentialsOf(ServerHttpRequest request, String scheme) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
            String value = authorization.substring(scheme.length()).trim();
            return value.isEmpty() ? Optional.empty() : Optional.of(value);
        }
        return Optional.empty();
    }
}
