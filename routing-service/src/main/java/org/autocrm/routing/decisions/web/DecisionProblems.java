package org.autocrm.routing.decisions.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.autocrm.access.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The decision log's refusals as RFC 9457 problems. */
@RestControllerAdvice(basePackageClasses = DecisionProblems.class)
class DecisionProblems {

    private static final String TYPES = "https://autocrm.org/problems/";

    @ExceptionHandler(NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(NotPermitted ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
        problem.setType(URI.create(TYPES + "not-permitted"));
        problem.setTitle("Not allowed");
        problem.setProperty("code", "NOT_PERMITTED");
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalid(InvalidParameter ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                ex.parameter + " " + ex.getMessage());
        problem.setType(URI.create(TYPES + "invalid-request"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", ex.parameter, "message", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    /** Agents and customers may not read the decision log (403 {@code NOT_PERMITTED}). */
    static class NotPermitted extends RuntimeException {
        NotPermitted(Caller caller) {
            super(article(caller.role().value().replace('_', ' '))
                    + " may not read routing decisions; admins and team leads may");
        }

        private static String article(String role) {
            return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "An " : "A ") + role;
        }
    }

    static class InvalidParameter extends RuntimeException {
        private final String parameter;

        InvalidParameter(String parameter, String message) {
            super(message);
            this.parameter = parameter;
        }
    }
}
