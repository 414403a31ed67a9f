package org.autocrm.query.tenancy;

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

/** RFC 9457 problems, with RFC 6750 challenges, for callers that are not signed in or lack a scope. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblems {

    private static final Logger log = LoggerFactory.getLogger(IdentityProblems.class);

    @ExceptionHandler(InvalidAccessToken.class)
    ResponseEntity<ProblemDetail> invalidToken(InvalidAccessToken ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, ex.getMessage());
        problem.setTitle("Not signed in");
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, ex.challenge())
                .body(problem);
    }

    @ExceptionHandler(MissingScope.class)
    ResponseEntity<ProblemDetail> missingScope(MissingScope ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
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
}
