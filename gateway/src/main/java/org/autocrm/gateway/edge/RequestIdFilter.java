package org.autocrm.gateway.edge;

import java.util.UUID;
import java.util.regex.Pattern;
import org.autocrm.gateway.problem.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request an id: the client's {@code X-Request-Id} when it is a sane token (at most 128
 * letters, digits and {@code . _ : -}), a new UUID otherwise — a header is never trusted into a log
 * line or another service unchecked. The id goes to the service, back to the client, into the access
 * log and into every problem document.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = GatewayProblems.REQUEST_ID_ATTRIBUTE;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public int getOrder() {
        return EdgeOrder.REQUEST_ID;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String offered = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = offered != null && VALID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request -> request.headers(headers -> headers.set(HEADER, id))).build());
    }
}
