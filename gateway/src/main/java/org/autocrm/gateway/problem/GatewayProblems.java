package org.autocrm.gateway.problem;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides what a client is told when the gateway cannot deliver its request. Names the service
 * (from the route's {@code metadata.service}) but never its address, which is internal.
 */
public final class GatewayProblems {

    /** Long enough for a restarting pod to come back, short enough that a person waiting retries. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    /**
     * The exchange attribute holding the request's id (set by the edge's request-id filter); every
     * problem document carries it as {@code requestId}, so a person reporting an error names the
     * access-log line and the downstream logs of their request.
     */
    public static final String REQUEST_ID_ATTRIBUTE = "autocrm.requestId";
    static final String REQUEST_ID_PROPERTY = "requestId";

    private GatewayProblems() {
    }

    static ProblemDetail describe(Throwable error, ServerWebExchange exchange) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<String> service = serviceOf(exchange);
        ProblemDetail problem;
        if (service.isPresent() && isUnreachable(error)) {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    service.get() + " is not reachable right now; retry in " + RETRY_AFTER.toSeconds() + " seconds.");
        } else if (errorResponseIn(error).isPresent()) {
            problem = fromErrorResponse(errorResponseIn(error).get(), request, service);
        } else if (service.isPresent() && causedBy(error, IOException.class)) {
            // e.g. the service closed the connection half-way through its answer
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    service.get() + " broke off the connection before it answered.");
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                    "The gateway failed to handle this request; it has been logged.");
        }
        instanceOf(request).ifPresent(problem::setInstance);
        if (problem.getStatus() >= 502 && problem.getStatus() <= 504) {
            service.ifPresent(name -> problem.setProperty("service", name));
        }
        requestIdOf(exchange).ifPresent(id -> problem.setProperty(REQUEST_ID_PROPERTY, id));
        return problem;
    }

    /**
     * An {@link ErrorResponse} raised by the gateway itself (413, 429, 503 of an open breaker ...) may
     * reach us wrapped, e.g. when a request body that grew too large broke the call to a service.
     */
    static Optional<ErrorResponse> errorResponseIn(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof ErrorResponse response) {
                return Optional.of(response);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> requestIdOf(ServerWebExchange exchange) {
        Object id = exchange.getAttribute(REQUEST_ID_ATTRIBUTE);
        return id == null ? Optional.empty() : Optional.of(id.toString());
    }

    private static Optional<URI> instanceOf(ServerHttpRequest request) {
        try {
            return Optional.of(URI.create(request.getPath().value()));
        } catch (IllegalArgumentException malformedPath) {
            // a path the client encoded badly still gets its problem document, just without instance
            return Optional.empty();
        }
    }

    static Optional<String> serviceOf(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        return Optional.ofNullable(route)
                .map(r -> r.getMetadata().getOrDefault("service", r.getId()))
                .map(Object::toString);
    }

    /** Covers refused connections and connect timeouts (Netty's subclasses of ConnectException) and DNS misses. */
    static boolean isUnreachable(Throwable error) {
        return causedBy(error, ConnectException.class)
                || causedBy(error, NoRouteToHostException.class)
                || causedBy(error, UnknownHostException.class);
    }

    private static ProblemDetail fromErrorResponse(ErrorResponse response, ServerHttpRequest request,
            Optional<String> service) {
        HttpStatusCode status = response.getStatusCode();
        if (status.isSameCodeAs(HttpStatus.NOT_FOUND) && service.isEmpty()) {
            return ProblemDetail.forStatusAndDetail(status,
                    "No API route matches " + request.getMethod() + " " + request.getPath().value() + ".");
        }
        if (status.isSameCodeAs(HttpStatus.GATEWAY_TIMEOUT) && service.isPresent()) {
            return ProblemDetail.forStatusAndDetail(status, service.get() + " did not answer in time.");
        }
        // the gateway's own refusals (and WebFlux's 405/415 ...) keep their title, detail and properties
        ProblemDetail body = response.getBody();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, body.getDetail());
        if (body.getTitle() != null) {
            problem.setTitle(body.getTitle());
        }
        if (body.getProperties() != null) {
            body.getProperties().forEach(problem::setProperty);
        }
        return problem;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
