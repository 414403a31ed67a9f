package org.autocrm.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS for the configured origins, decided here for the whole platform: the gateway answers
 * preflights itself (no service sees them) and refuses a cross-origin request from any other
 * origin with a 403 problem document. Services' own CORS headers are dropped from their answers
 * ({@link InternalResponseHeadersFilter}), so only this policy applies.
 */
@Component
class CrossOriginFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration;
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor() {
        @Override
        protected void rejectRequest(ServerHttpResponse response) {
            // refused below as a problem document instead of an empty 403
        }
    };

    CrossOriginFilter(CorsProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.setAllowedMethods(properties.allowedMethods());
        cors.setAllowedHeaders(properties.allowedHeaders());
        cors.setExposedHeaders(properties.exposedHeaders());
        cors.setAllowCredentials(properties.allowCredentials());
        cors.setMaxAge(properties.maxAge());
        this.configuration = cors;
    }

    @Override
    public int getOrder() {
        return EdgeOrder.CORS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!CorsUtils.isCorsRequest(request)) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(EdgeRefusals.originNotAllowed(request.getHeaders().getOrigin()));
        }
        if (CorsUtils.isPreFlightRequest(request)) {
            exchange.getResponse().setStatusCode(HttpStatus.NO_CONTENT);
            exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_TYPE);
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
