package org.autocrm.gateway.edge;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.concurrent.atomic.AtomicLong;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One line per request on the logger {@code org.autocrm.gateway.access}, in logfmt
 * ({@code key=value}), written when the response is complete:
 * <pre>
 * method=GET path=/api/tickets query="status=OPEN&amp;token=***" status=200 durationMs=12 bytesIn=0 bytesOut=512
 *   requestId=… route=ticket-reads service=query-service caller=user:acme:u-17 traceId=4bf92f35…
 * </pre>
 * It never contains headers (so no Authorization, API key or cookie) nor bodies (so no password),
 * and masks query values whose names suggest a secret and path segments that look like a token
 * ({@link SecretsInUrls}). Errors raised further in are rendered by the
 * gateway's problem handler right here, so the line shows the status the client really got.
 */
@Component
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("org.autocrm.gateway.access");

    private final ObjectProvider<ErrorWebExceptionHandler> errorHandlers;

    AccessLogFilter(ObjectProvider<ErrorWebExceptionHandler> errorHandlers) {
        this.errorHandlers = errorHandlers;
    }

    @Override
    public int getOrder() {
        return EdgeOrder.ACCESS_LOG;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        AtomicLong bytesIn = new AtomicLong();
        AtomicLong bytesOut = new AtomicLong();
        ServerWebExchange counted = exchange.mutate()
                .request(new CountingRequest(exchange.getRequest(), bytesIn))
                .response(new CountingResponse(exchange.getResponse(), bytesOut))
                .build();
        return chain.filter(counted)
                .onErrorResume(error -> errorHandlers.orderedStream()
                        .findFirst()
                        .map(handler -> handler.handle(counted, error))
                        .orElseGet(() -> Mono.error(error)))
                .doFinally(signal -> log(exchange, signal, start, bytesIn.get(), bytesOut.get()));
    }

    private static void log(ServerWebExchange exchange, SignalType signal, long start, long bytesIn, long bytesOut) {
        if (!log.isInfoEnabled()) {
            return;
        }
        ServerHttpRequest request = exchange.getRequest();
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        LogLine line = new LogLine()
                .add("method", request.getMethod().name())
                .add("path", SecretsInUrls.maskedPath(request.getPath().value()))
                .add("query", SecretsInUrls.maskedQuery(request.getURI().getRawQuery()))
                .add("status", signal == SignalType.CANCEL ? "cancelled" : (status == null ? "200" : Integer.toString(status.value())))
                .add("durationMs", Long.toString((System.nanoTime() - start) / 1_000_000))
                .add("bytesIn", Long.toString(bytesIn))
                .add("bytesOut", Long.toString(bytesOut))
                .add("requestId", exchange.getAttribute(RequestIdFilter.ATTRIBUTE))
                .add("route", route == null ? null : route.getId())
                .add("service", route == null ? null : String.valueOf(route.getMetadata().getOrDefault("service", route.getId())))
                .add("caller", RateLimitFilter.callerOf(exchange))
                .add("traceId", traceIdOf(exchange));
        log.info(line.toString());
    }

    /** The W3C trace id of this request's server span, when tracing is on. */
    private static String traceIdOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElse(null);
    }

    private static final class CountingRequest extends org.springframework.http.server.reactive.ServerHttpRequestDecorator {

        private final AtomicLong bytes;

        CountingRequest(ServerHttpRequest delegate, AtomicLong bytes) {
            super(delegate);
            this.bytes = bytes;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return super.getBody().doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount()));
        }
    }

    private static final class CountingResponse extends ServerHttpResponseDecorator {

        private final AtomicLong bytes;

        CountingResponse(ServerHttpResponse delegate, AtomicLong bytes) {
            super(delegate);
            this.bytes = bytes;
        }

        @Override
        public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            return super.writeWith(Flux.from(body).doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount())));
        }

        @Override
        public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
            return super.writeAndFlushWith(Flux.from(body)
                    .map(part -> Flux.from(part).doOnNext(buffer -> bytes.addAndGet(buffer.readableByteCount()))));
        }
    }
}
