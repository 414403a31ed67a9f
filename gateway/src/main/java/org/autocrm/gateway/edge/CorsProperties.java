package org.autocrm.gateway.edge;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cross-origin access ({@code autocrm.gateway.cors.*}). Empty {@code allowed-origins} (the default)
 * means no browser page of another origin may call the API.
 *
 * @param allowedOrigins   exact origins, e.g. {@code https://support.acme.example}
 * @param allowCredentials whether cookies may be sent cross-origin (needs exact origins, never *)
 */
@ConfigurationProperties("autocrm.gateway.cors")
record CorsProperties(List<String> allowedOrigins, List<String> allowedMethods, List<String> allowedHeaders,
        List<String> exposedHeaders, Boolean allowCredentials, Duration maxAge) {

    CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods == null
                ? List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE") : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null
                ? List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key",
                        "X-API-Key", "X-Request-Id", "traceparent", "tracestate")
                : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null
                ? List.of("ETag", "Location", "Retry-After", "X-Request-Id", "RateLimit-Limit",
                        "RateLimit-Remaining", "RateLimit-Reset", "RateLimit-Policy")
                : List.copyOf(exposedHeaders);
        allowCredentials = allowCredentials != null && allowCredentials;
        maxAge = maxAge == null ? Duration.ofHours(1) : maxAge;
    }
}
