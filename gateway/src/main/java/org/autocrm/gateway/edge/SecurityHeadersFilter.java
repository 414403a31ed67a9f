package org.autocrm.gateway.edge;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.RequestPath;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response the gateway sends, its own problem documents and preflights
 * included. Written just before the response is committed, so they replace whatever a service sent.
 * API responses get a Content-Security-Policy that allows nothing (they are data, never a page);
 * the docs page gets one that lets Swagger UI run from this origin only; the web application's pages one that
 * runs only this origin's scripts, never inline ones.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private static final List<PathPattern> DOCS_PAGES = List.of(
            PathPatternParser.defaultInstance.parse("/swagger-ui.html"),
            PathPatternParser.defaultInstance.parse("/swagger-ui/**"),
            PathPatternParser.defaultInstance.parse("/webjars/**"));
    private static final PathPattern API = PathPatternParser.defaultInstance.parse("/api/**");
    private static final List<PathPattern> APP_PAGES = Stream.of("/", "/index.html", "/sign-in", "/reset-password", "/app/**",
            "/portal/**", "/admin/**", "/assets/**").map(PathPatternParser.defaultInstance::parse).toList();

    private final SecurityHeadersProperties properties;

    SecurityHeadersFilter(SecurityHeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return EdgeOrder.SECURITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        RequestPath path = exchange.getRequest().getPath();
        boolean https = "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            boolean docs = DOCS_PAGES.stream().anyMatch(page -> page.matches(path.pathWithinApplication()));
            boolean app = !docs && APP_PAGES.stream().anyMatch(page -> page.matches(path.pathWithinApplication()));
            headers.set("Content-Security-Policy", docs ? properties.docsContentSecurityPolicy()
                    : app ? properties.appContentSecurityPolicy() : properties.apiContentSecurityPolicy());
            if (properties.hsts() == SecurityHeadersProperties.Hsts.ALWAYS
                    || (properties.hsts() == SecurityHeadersProperties.Hsts.IF_HTTPS && https)) {
                headers.set("Strict-Transport-Security", "max-age=" + properties.hstsMaxAge().toSeconds()
                        + "; includeSubDomains");
            }
            // personal data must not sit in shared or browser caches; a service may still decide otherwise
            if (API.matches(path.pathWithinApplication()) && !headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
                headers.setCacheControl("no-store");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
