package org.autocrm.gateway.edge;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a request body over its limit with 413: at once when Content-Length says so, and while it
 * streams when it comes chunked (or lies about its length), so a client cannot tie up a service with
 * an endless upload.
 */
@Component
class RequestSizeFilter implements WebFilter, Ordered {

    private final RequestSizeProperties properties;
    private final List<PathPattern> uploads;

    RequestSizeFilter(RequestSizeProperties properties) {
        this.properties = properties;
        this.uploads = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        return EdgeOrder.REQUEST_SIZE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        DataSize limit = limitFor(request);
        if (request.getHeaders().getContentLength() > limit.toBytes()) {
            return Mono.error(EdgeRefusals.payloadTooLarge(limit));
        }
        return chain.filter(exchange.mutate().request(new CountedBody(request, limit)).build());
    }

    private DataSize limitFor(ServerHttpRequest request) {
        boolean upload = uploads.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()));
        return upload ? properties.uploadMax() : properties.max();
    }

    private static final class CountedBody extends ServerHttpRequestDecorator {

        private final DataSize limit;

        CountedBody(ServerHttpRequest delegate, DataSize limit) {
            super(delegate);
            this.limit = limit;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong read = new AtomicLong();
            return super.getBody().handle((buffer, sink) -> {
                if (read.addAndGet(buffer.readableByteCount()) > limit.toBytes()) {
                    DataBufferUtils.release(buffer);
                    sink.error(EdgeRefusals.payloadTooLarge(limit));
                } else {
                    sink.next(buffer);
                }
            });
        }
    }
}
