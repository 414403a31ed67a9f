package org.autocrm.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Answers refusals of the identity endpoints and of the authentication filter in the gateway's one
 * problem format (RFC 9457, the same shape {@code problem/ProblemDetailErrorHandler} writes), keeping
 * the headers a client needs (WWW-Authenticate, Retry-After). An identity store (MongoDB) that does not answer is a
 * 503 with Retry-After, not a failure of the gateway.
 */
@Component
@RestControllerAdvice(basePackages = "org.autocrm.identity")
public class IdentityProblems {

    private static final Logger log = LoggerFactory.getLogger(IdentityProblems.class);

    private final ObjectMapper json;

    IdentityProblems(ObjectMapper json) {
        this.json = json;
    }

    @ExceptionHandler(IdentityException.class)
    public ResponseEntity<ProblemDetail> refused(IdentityException refusal, ServerWebExchange exchange) {
        return ResponseEntity.status(refusal.status())
                .headers(refusal.headers())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(refusal, exchange));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException error, ServerWebExchange exchange) {
        // a malformed JSON body or a missing/unparsable parameter: name what was wrong, never a 500
        String reason = error.getReason() == null ? "The request could not be read." : error.getReason();
        return refused(IdentityException.badRequest(reason), exchange);
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class, MongoSocketException.class})
    ResponseEntity<ProblemDetail> storeUnreachable(Exception outage, ServerWebExchange exchange) {
        log.warn("{} {}: the identity store cannot be reached: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), outage.toString());
        return refused(IdentityException.storeUnavailable(), exchange);
    }

    /** Whether the error means MongoDB cannot be reached (not that a request was wrong). */
    public static boolean isStoreOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException) {
                return true;
            }
        }
        return false;
    }

    /** Writes the refusal straight onto the response; for the filter, which runs before any controller. */
    public Mono<Void> write(IdentityException refusal, ServerWebExchange exchange) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(refusal.status());
        response.getHeaders().putAll(refusal.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body;
        try {
            body = json.writeValueAsBytes(problem(refusal, exchange));
        } catch (JsonProcessingException e) {
            return Mono.error(e);
        }
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    private static ProblemDetail problem(IdentityException refusal, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.status(), refusal.getMessage());
        try {
            problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        } catch (IllegalArgumentException malformedPath) {
            // the problem is still useful without an instance
        }
        if (refusal.type() != null) {
            problem.setType(refusal.type());
        }
        refusal.properties().forEach(problem::setProperty);
        if (refusal.status() == HttpStatus.INTERNAL_SERVER_ERROR) {
            problem.setDetail("The gateway failed to handle this request; it has been logged.");
        }
        return problem;
    }
}
