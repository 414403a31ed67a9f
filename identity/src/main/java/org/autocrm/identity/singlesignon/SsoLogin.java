package org.autocrm.identity.singlesignon;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Mono;

/**
 * Single sign-on at a tenant's OpenID Connect provider, as a relying party using the
 * authorization code flow with PKCE (S256), {@code state} and {@code nonce}. {@link #start}
 * gives the browser's way to the provider; {@link #complete} turns the provider's callback into
 * an {@link ExternalIdentity}. Issuing AutoCRM tokens for that identity is the caller's job.
 */
public final class SsoLogin {

    private static final int RANDOM_BYTES = 32;

    private final PendingLogins pendingLogins;
    private final Clock clock;
    private final Duration loginTimeout;
    private final ProviderCalls calls;
    private final ProviderDiscovery discovery;
    private final IdTokenValidator idTokens;
    private final SecureRandom random = new SecureRandom();

    public SsoLogin(PendingLogins pendingLogins, Clock clock, SsoProperties properties) {
        this.pendingLogins = pendingLogins;
        this.clock = clock;
        this.loginTimeout = properties.loginTimeout();
        this.calls = new ProviderCalls(properties.connectTimeout(), properties.responseTimeout());
        this.discovery = new ProviderDiscovery(calls);
        this.idTokens = new IdTokenValidator(new ProviderKeys(calls, clock), clock);
    }

    /** Remembers a new sign-in and answers where to send the browser. */
    public Mono<AuthorizationRedirect> start(String tenantId, OidcSettings settings) {
        return discovery.metadata(settings.issuer()).flatMap(provider -> {
            String state = randomToken();
            String nonce = randomToken();
            String codeVerifier = randomToken();
            Instant expiresAt = clock.instant().plus(loginTimeout);
            Map<String, String> query = new LinkedHashMap<>();
            query.put("response_type", "code");
            query.put("client_id", settings.clientId());
            query.put("redirect_uri", settings.redirectUri().toString());
            query.put("scope", String.join(" ", settings.scopes()));
            query.put("state", state);
            query.put("nonce", nonce);
            query.put("code_challenge", codeChallenge(codeVerifier));
            query.put("code_challenge_method", "S256");
            URI location = withQuery(provider.authorizationEndpoint(), query);
            return pendingLogins.store(new PendingLogin(state, tenantId, nonce, codeVerifier, expiresAt))
                    .thenReturn(new AuthorizationRedirect(location, state, expiresAt));
        });
    }

    /**
     * Finishes the sign-in the provider sent back with {@code code} and {@code state}: the state
     * is used up whatever happens next, the code is exchanged for an ID token, and the validated
     * token is mapped to AutoCRM's role and groups.
     */
    public Mono<ExternalIdentity> complete(String tenantId, OidcSettings settings, String code, String state) {
        return pendingFor(tenantId, state).flatMap(pending -> {
            if (code == null || code.isBlank()) {
                return Mono.error(new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_REFUSED,
                        "The sign-in provider sent no authorization code back; start again."));
            }
            return discovery.metadata(settings.issuer()).flatMap(provider ->
                    exchange(provider, settings, code, pending.codeVerifier())
                            .flatMap(idToken -> idTokens.validate(idToken, provider, settings.clientId(),
                                    pending.nonce()))
                            .map(claims -> ClaimMapping.map(tenantId, provider.issuer(), claims, settings.claims())));
        });
    }

    /**
     * The callback carried {@code error} instead of a code (e.g. the user cancelled at the
     * provider): uses up the state and fails with {@link SsoLoginFailed.Reason#PROVIDER_REFUSED}.
     */
    public Mono<ExternalIdentity> refused(String tenantId, String state, String error, String description) {
        return pendingFor(tenantId, state).flatMap(pending -> Mono.error(new SsoLoginFailed(
                SsoLoginFailed.Reason.PROVIDER_REFUSED, "The sign-in provider refused the sign-in (" + shorten(error)
                        + (description == null || description.isBlank() ? "" : ": " + shorten(description)) + ").")));
    }

    /** The callback's text comes from the browser's address bar: anyone can put anything there. */
    private static String shorten(String providerText) {
        String text = String.valueOf(providerText);
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private Mono<PendingLogin> pendingFor(String tenantId, String state) {
        if (state == null || state.isBlank()) {
            return Mono.error(stateInvalid());
        }
        return pendingLogins.consume(state)
                .switchIfEmpty(Mono.error(SsoLogin::stateInvalid))
                .flatMap(pending -> {
                    if (!pending.tenantId().equals(tenantId) || !clock.instant().isBefore(pending.expiresAt())) {
                        return Mono.error(stateInvalid());
                    }
                    return Mono.just(pending);
                });
    }

    private Mono<String> exchange(ProviderMetadata provider, OidcSettings settings, String code, String codeVerifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", settings.redirectUri().toString());
        form.add("code_verifier", codeVerifier);
        boolean basic = settings.clientAuthentication() == OidcSettings.ClientAuthentication.CLIENT_SECRET_BASIC;
        if (!basic) {
            form.add("client_id", settings.clientId());
            form.add("client_secret", settings.clientSecret());
        }
        return calls.post(provider.tokenEndpoint(), request -> {
            if (basic) {
                // RFC 6749 section 2.3.1: both parts form-encoded before Base64
                String credentials = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                        + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
                request.header(HttpHeaders.AUTHORIZATION, "Basic "
                        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            return request.body(BodyInserters.fromFormData(form));
        }, "token exchange").map(answer -> idTokenOf(answer));
    }

    private static String idTokenOf(ProviderCalls.Answer answer) {
        Map<String, Object> json;
        try {
            json = JSONObjectUtils.parse(answer.body());
        } catch (ParseException notJson) {
            json = null;
        }
        if (answer.status().is4xxClientError() && json != null && json.get("error") instanceof String) {
            Object description = json.get("error_description");
            throw new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_REFUSED, "The sign-in provider refused the code ("
                    + json.get("error") + (description instanceof String ? ": " + description : "")
                    + "); start the sign-in again.");
        }
        if (!answer.status().is2xxSuccessful() || json == null) {
            throw ProviderCalls.unavailable("The sign-in provider's token endpoint answered "
                    + answer.status().value() + " without a usable response.");
        }
        Object idToken = json.get("id_token");
        if (!(idToken instanceof String)) {
            throw new SsoLoginFailed(SsoLoginFailed.Reason.INVALID_ID_TOKEN,
                    "The sign-in provider returned no ID token; the client must be an OpenID Connect client.");
        }
        return (String) idToken;
    }

    private String randomToken() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String codeChallenge(String codeVerifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codeVerifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException jdkWithoutSha256) {
            throw new IllegalStateException("the JDK offers no SHA-256", jdkWithoutSha256);
        }
    }

    private static URI withQuery(URI endpoint, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(entry -> formEncode(entry.getKey()) + "=" + formEncode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + encoded);
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static SsoLoginFailed stateInvalid() {
        return new SsoLoginFailed(SsoLoginFailed.Reason.STATE_INVALID,
                "This sign-in link has expired or was already used; start the sign-in again.");
    }
}
