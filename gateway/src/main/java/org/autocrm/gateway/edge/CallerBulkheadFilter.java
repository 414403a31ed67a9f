package org.autocrm.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A bulkhead per caller: at most {@code autocrm.gateway.bulkhead.per-caller} of one caller's requests are in
 * flight at once; the next is refused with 429 and Retry-After until one is answered. The rate limit counts
 * requests over time; this bounds how many slow ones (long searches, reads waiting for a version) one caller
 * can hold open, so that they cannot use up a service's threads and connections that others need. The
 * caller is the one the rate limit counts (user, API key, or the client address of an anonymous request).
 *
 * <p>A Server-Sent Events stream ({@code GET /api/stream}) holds its place only until it has begun: it stays open
 * for minutes while costing the service no thread, and a browser tab keeping one must not cost its user a place
 * for each of their requests (query-service bounds the streams per user itself).
 */
@Component
class CallerBulkheadFilter implements WebFilter, Ordered {

    private final BulkheadProperties properties;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    CallerBulkheadFilter(BulkheadProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return EdgeOrder.BULKHEAD;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!properties.enabled() || !exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        String caller = RateLimitFilter.callerOf(exchange);
        if (!enter(caller)) {
            return Mono.error(EdgeRefusals.tooManyAtOnce(properties.perCaller()));
        }
        AtomicBoolean left = new AtomicBoolean();
        Runnable leaveOnce = () -> {
            if (left.compareAndSet(false, true)) {
                leave(caller);
            }
        };
        exchange.getResponse().beforeCommit(() -> {
            if (isEventStream(exchange.getResponse().getHeaders().getContentType())) {
                leaveOnce.run();
            }
            return Mono.empty();
        });
        return chain.filter(exchange).doFinally(signal -> leaveOnce.run());
    }

    private static boolean isEventStream(MediaType type) {
        return type != null && MediaType.TEXT_EVENT_STREAM.isCompatibleWith(type);
    }

    /** Takes a place for the caller, or none when all of theirs are taken. */
    private boolean enter(String caller) {
        boolean[] entered = {false};
        inFlight.compute(caller, (key, count) -> {
            AtomicInteger places = count == null ? new AtomicInteger() : count;
            if (places.get() < properties.perCaller()) {
                places.incrementAndGet();
                entered[0] = true;
            }
            return places;
        });
        return entered[0];
    }

    /** Gives the place back; a caller with nothing in flight is forgotten. */
    private void leave(String caller) {
        inFlight.computeIfPresent(caller, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    /** Requests of this caller in flight now (for tests and metrics). */
    int inFlight(String caller) {
        AtomicInteger count = inFlight.get(caller);
        return count == null ? 0 : count.get();
    }
}
