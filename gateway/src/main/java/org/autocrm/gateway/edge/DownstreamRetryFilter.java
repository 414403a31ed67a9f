package org.autocrm.gateway.edge;

import java.io.IOException;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory.RetryConfig;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway's Retry filter, once for every route instead of repeated per route. Retries
 * idempotent requests whose connection failed or broke (an {@link IOException}: refused, reset, closed
 * early) or that a proxy in between answered 502 — with exponential backoff. Never a 503: a service
 * answers it on purpose (with Retry-After) and asking again at once only makes one caller's wait
 * everyone's load. Not a response timeout either: the client has already waited the full timeout, and a
 * slow service asked again only gets slower.
 * Runs outside the circuit breaker, so each attempt counts there, and an open breaker is not retried.
 */
@Component
class DownstreamRetryFilter implements GlobalFilter, Ordered {

    private final GatewayFilter retry;

    DownstreamRetryFilter(RetryGatewayFilterFactory factory, ResilienceProperties properties) {
        RetryConfig config = new RetryConfig()
                .setRetries(properties.retries())
                .setMethods(properties.methods().toArray(HttpMethod[]::new))
                .setSeries()
                .setStatuses(HttpStatus.BAD_GATEWAY)
                .setExceptions(IOException.class)
                .setBackoff(properties.firstBackoff(), properties.maxBackoff(), 2, true);
        this.retry = factory.apply(config);
    }

    /** After the response writer (-1) so that a retried attempt's answer is the one written. */
    @Override
    public int getOrder() {
        return 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return retry.filter(exchange, chain);
    }
}
