package org.autocrm.gateway.edge;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Puts every call to a service through that service's circuit breaker. Runs inside the retry filter,
 * so each attempt counts. While the breaker is open the request is refused at once with 503 and
 * Retry-After instead of waiting for a connect timeout.
 *
 * <p>A failure is what says "the service cannot serve": no connection, a broken or timed-out
 * connection, or its own 502/503/504. A 500 is one endpoint's bug and a 4xx the client's, so
 * neither opens the breaker for the whole service. Nor does a deliberate 503 that says when to come
 * back ({@code Retry-After}): the service answered at once, e.g. that a view has not caught up with a
 * caller's write yet; counting those would let any caller open the breaker for everyone.
 */
@Component
class ServiceCircuitBreakerFilter implements GlobalFilter, Ordered {

    private static final Set<Integer> FAILING_STATUSES = Set.of(502, 503, 504);

    private final ServiceBreakers breakers;

    ServiceCircuitBreakerFilter(ServiceBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        String service = String.valueOf(route.getMetadata().getOrDefault("service", route.getId()));
        CircuitBreaker breaker = breakers.of(service);
        return Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.error(EdgeRefusals.serviceUnavailable(service, breakers.untilHalfOpen(service)));
            }
            long start = breaker.getCurrentTimestamp();
            return chain.filter(exchange)
                    .doOnSuccess(done -> {
                        HttpStatusCode status = exchange.getResponse().getStatusCode();
                        long took = breaker.getCurrentTimestamp() - start;
                        if (status != null && FAILING_STATUSES.contains(status.value())
                                && !isDeliberate(exchange, status)) {
                            breaker.onError(took, breaker.getTimestampUnit(), new DownstreamFailed(service, status));
                        } else {
                            breaker.onSuccess(took, breaker.getTimestampUnit());
                        }
                    })
                    .doOnError(error -> {
                        if (meansServiceCannotServe(error)) {
                            breaker.onError(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), error);
                        } else {
                            breaker.releasePermission();
                        }
                    })
                    .doOnCancel(breaker::releasePermission);
        });
    }

    /** A 503 with Retry-After is the service answering "not yet", not the service failing. */
    static boolean isDeliberate(ServerWebExchange exchange, HttpStatusCode status) {
        return status.value() == 503 && exchange.getResponse().getHeaders().containsKey(HttpHeaders.RETRY_AFTER);
    }

    private static boolean meansServiceCannotServe(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof TimeoutException) {
                return true;
            }
            if (cause instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
                return true;
            }
        }
        return false;
    }

    /** Recorded as the breaker's failure for a 502/503/504 answer; never thrown. */
    static final class DownstreamFailed extends RuntimeException {
        DownstreamFailed(String service, HttpStatusCode status) {
            super(service + " answered " + status.value(), null, false, false);
        }
    }

}
