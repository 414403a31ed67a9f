package org.autocrm.access.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.autocrm.access.InvalidAccessToken;
import org.autocrm.access.SigningKeysUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problems, with RFC 6750 challenges, for callers that are not signed in (401), lack a
 * scope (403) or cannot be checked because the gateway's keys are out of reach (503). Ahead of a
 * service's own handlers, so a catch-all there never turns these into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AccessProblems {

    public static final URI NOT_SIGNED_IN = URI.create("https://autocrm.org/problems/not-signed-in");
    public static final URI MISSING_SCOPE = URI.create("https://autocrm.org/problems/missing-scope");
    private static final URI INVALID_REQUEST = URI.create("https://autocrm.org/problems/invalid-request");

    private static final Logger log = LoggerFactory.getLogger(AccessProblems.class);

    /**
     * A missing or invalid token is 401 with a WWW-Authenticate challenge; a request without any
     * token gets the bare challenge, a bad token says what is wrong with it.
     */
    @ExceptionHandler(InvalidAccessToken.class)
    ResponseEntity<ProblemDetail> invalidToken(InvalidAccessToken ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
        problem.setType(NOT_SIGNED_IN);
        problem.setTitle("Not signed in");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
                .body(problem);
    }

    /** A valid token without the scope the endpoint needs is 403 insufficient_scope. */
    @ExceptionHandler(MissingScope.class)
    ResponseEntity<ProblemDetail> missingScope(MissingScope ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setType(MISSING_SCOPE);
        problem.setTitle("Not allowed");
        problem.setProperty("code", "MISSING_SCOPE");
        if (ex.scope() != null) {
            problem.setProperty("scope", ex.scope());
        }
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\""
                        + (ex.scope() == null ? "" : ", scope=\"" + ex.scope() + "\""))
                .body(problem);
    }

    /** Without the gateway's keys no token can be checked: say so and when to retry, never 500. */
    @ExceptionHandler(SigningKeysUnavailable.class)
    ResponseEntity<ProblemDetail> keysUnavailable(SigningKeysUnavailable ex) {
        log.warn("{}: {}", ex.getMessage(), String.valueOf(ex.getCause()));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Access tokens cannot be checked right now; please retry shortly.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    @ExceptionHandler(InvalidDevHeader.class)
    ResponseEntity<ProblemDetail> invalidDevHeader(InvalidDevHeader ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.header(), "message", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }
}
