package org.autocrm.gateway.edge;

import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The services' APIs take JSON: a request routed to a service that carries a body of another type is
 * refused with 415 before it costs the service anything — except on upload paths, which take
 * multipart ({@code autocrm.gateway.request-size.upload-paths}). The gateway's own endpoints are
 * not routed and answer 415 through WebFlux themselves.
 */
@Component
class JsonContentTypeFilter implements GlobalFilter, Ordered {

    private final List<PathPattern> uploads;

    JsonContentTypeFilter(RequestSizeProperties properties) {
        this.uploads = properties.uploadPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    public int getOrder() {
        return -100; // before retries and the call itself
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())
                || uploads.stream().anyMatch(pattern -> pattern.matches(request.getPath().pathWithinApplication()))) {
            return chain.filter(exchange);
        }
        MediaType type = contentTypeOf(request.getHeaders());
        if (type == null || !isJson(type)) {
            String named = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            return Mono.error(EdgeRefusals.unsupportedMediaType(named == null ? "a body without Content-Type" : named));
        }
        return chain.filter(exchange);
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsKey(HttpHeaders.TRANSFER_ENCODING);
    }

    private static MediaType contentTypeOf(HttpHeaders headers) {
        try {
            return headers.getContentType();
        } catch (RuntimeException unparseable) {
            return null;
        }
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON.isCompatibleWith(type)
                || (type.getType().equals("application") && type.getSubtype().endsWith("+json"));
    }
}
