package org.autocrm.gateway.edge;

import java.net.InetSocketAddress;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Counts every request against its caller and answers 429 with Retry-After once the caller's bucket
 * is empty. The caller is the exchange attribute {@value #KEY_ATTRIBUTE} that identity's
 * authentication filter sets before this one runs ({@code user:<tenant>:<sub>} or {@code key:<keyId>});
 * an anonymous request counts against its client address, which also slows down password guessing.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    static final String KEY_ATTRIBUTE = "autocrm.rateLimitKey";

    private final RateLimiter limiter;
    private final RateLimitProperties properties;
    private final List<PathPattern> exempt;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.properties = properties;
        this.exempt = properties.exemptPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        return EdgeOrder.RATE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled()
                || exempt.stream().anyMatch(pattern -> pattern.matches(exchange.getRequest().getPath().pathWithinApplication()))) {
            return chain.filter(exchange);
        }
        RateLimitDecision decision = limiter.take(callerOf(exchange));
        if (!decision.allowed()) {
            return Mono.error(EdgeRefusals.tooManyRequests(decision));
        }
        // set now, not when the service answers: the service's own headers must not replace them
        exchange.getResponse().beforeCommit(() -> {
            decision.writeTo(exchange.getResponse().getHeaders());
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    static String callerOf(ServerWebExchange exchange) {
        Object key = exchange.getAttribute(KEY_ATTRIBUTE);
        if (key instanceof String named && !named.isBlank()) {
            return named;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "ip:unknown";
        }
        return "ip:" + (remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }
}
