package org.autocrm.gateway.problem;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.reactive.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Writes every error raised while routing as RFC 9457 {@code application/problem+json}, whatever
 * the client's Accept header says. Ordered before Boot's DefaultErrorWebExceptionHandler (-1), which
 * would otherwise answer with its own JSON shape or an HTML page.
 */
@Component
@Order(-2)
class ProblemDetailErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailErrorHandler.class);

    private final ServerResponse.Context context;

    ProblemDetailErrorHandler(ServerCodecConfigurer codecs) {
        List<HttpMessageWriter<?>> writers = codecs.getWriters();
        this.context = new ServerResponse.Context() {
            @Override
            public List<HttpMessageWriter<?>> messageWriters() {
                return writers;
            }

            @Override
            public List<ViewResolver> viewResolvers() {
                return List.of();
            }
        };
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            // the downstream's status and headers are already on the wire; nothing left to rewrite
            return Mono.error(error);
        }
        ProblemDetail problem = GatewayProblems.describe(error, exchange);
        logged(problem, error, exchange);
        // whatever a service or an earlier attempt put there describes a different body
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        exchange.getResponse().getHeaders().remove(HttpHeaders.CONTENT_LENGTH);
        return ServerResponse.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .headers(headers -> {
                    // Retry-After, Allow, WWW-Authenticate ... of the error that decided the status
                    GatewayProblems.errorResponseIn(error).ifPresent(response -> headers.addAll(response.getHeaders()));
                    if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()
                            && !headers.containsKey(HttpHeaders.RETRY_AFTER)) {
                        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(GatewayProblems.RETRY_AFTER.toSeconds()));
                    }
                })
                .bodyValue(problem)
                .flatMap(response -> response.writeTo(exchange, context));
    }

    private static void logged(ProblemDetail problem, Throwable error, ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath().value();
        if (problem.getStatus() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
            log.error("{} failed inside the gateway", request, error);
        } else if (problem.getStatus() >= 500) {
            // a downstream is down or slow, not a gateway bug: one line with the cause is enough to act on
            log.warn("{} answered {}: {}", request, problem.getStatus(), error.toString());
        } else {
            log.debug("{} answered {}: {}", request, problem.getStatus(), error.toString());
        }
    }
}
