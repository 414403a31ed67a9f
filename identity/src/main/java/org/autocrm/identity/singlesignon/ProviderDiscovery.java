package org.autocrm.identity.singlesignon;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/**
 * Reads a provider's {@code /.well-known/openid-configuration} and keeps it for an hour; a
 * failed read is not kept, so the next sign-in tries again.
 */
final class ProviderDiscovery {

    static final Duration CACHE_FOR = Duration.ofHours(1);

    private final ProviderCalls calls;
    private final Map<URI, Mono<ProviderMetadata>> cache = new ConcurrentHashMap<>();

    ProviderDiscovery(ProviderCalls calls) {
        this.calls = calls;
    }

    Mono<ProviderMetadata> metadata(URI issuer) {
        return cache.computeIfAbsent(issuer, key -> fetch(key)
                .cache(metadata -> CACHE_FOR, error -> Duration.ZERO, () -> Duration.ZERO));
    }

    private Mono<ProviderMetadata> fetch(URI issuer) {
        URI document = URI.create(stripTrailingSlash(issuer.toString()) + "/.well-known/openid-configuration");
        return calls.get(document, "discovery").map(answer -> {
            if (!answer.status().is2xxSuccessful()) {
                throw ProviderCalls.unavailable("The sign-in provider's discovery document answered "
                        + answer.status().value() + "; check the issuer " + issuer + ".");
            }
            return parse(issuer, answer.body());
        });
    }

    private static ProviderMetadata parse(URI issuer, String body) {
        try {
            Map<String, Object> json = JSONObjectUtils.parse(body);
            String announced = JSONObjectUtils.getString(json, "issuer");
            // OpenID Connect Discovery 1.0, section 4.3: a document for another issuer is an impostor
            if (announced == null || !stripTrailingSlash(announced).equals(stripTrailingSlash(issuer.toString()))) {
                throw ProviderCalls.unavailable("The sign-in provider calls itself '" + announced
                        + "', not the configured issuer " + issuer + ".");
            }
            return new ProviderMetadata(announced,
                    required(json, "authorization_endpoint"),
                    required(json, "token_endpoint"),
                    required(json, "jwks_uri"));
        } catch (ParseException notJson) {
            throw new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                    "The sign-in provider's discovery document is not valid JSON.", notJson);
        }
    }

    private static URI required(Map<String, Object> json, String field) throws ParseException {
        URI value = JSONObjectUtils.getURI(json, field);
        if (value == null) {
            throw ProviderCalls.unavailable("The sign-in provider's discovery document has no " + field + ".");
        }
        return value;
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
