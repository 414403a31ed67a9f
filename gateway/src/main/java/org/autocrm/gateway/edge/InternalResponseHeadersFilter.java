package org.autocrm.gateway.edge;

import java.util.Locale;
import java.util.Set;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops from a service's answer what tells an outsider about the inside (server software, internal
 * hops) and the CORS headers the gateway alone decides ({@link CrossOriginFilter}).
 */
@Component
class InternalResponseHeadersFilter implements HttpHeadersFilter {

    private static final Set<String> INTERNAL = Set.of(
            "server", "x-powered-by", "x-application-context", "x-aspnet-version", "via", "x-envoy-upstream-service-time");

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders kept = new HttpHeaders();
        input.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!INTERNAL.contains(lower) && !lower.startsWith("access-control-") && !lower.startsWith("x-autocrm-")) {
                kept.put(name, values);
            }
        });
        return kept;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }
}
