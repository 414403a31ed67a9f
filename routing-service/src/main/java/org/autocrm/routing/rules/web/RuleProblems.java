package org.autocrm.routing.rules.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.InvalidRule;
import org.autocrm.routing.rules.RuleNotFound;
import org.autocrm.routing.rules.StaleRule;
import org.autocrm.routing.rules.TicketNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The rules API's refusals as RFC 9457 problems, each with a stable {@code code}. */
@RestControllerAdvice(basePackageClasses = RuleProblems.class)
class RuleProblems {

    private static final String TYPES = "https://autocrm.org/problems/";

    @ExceptionHandler(InvalidRule.class)
    ResponseEntity<ProblemDetail> invalidRule(InvalidRule ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule-invalid", "Invalid rule",
                InvalidRule.CODE, ex.getMessage());
        problem.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(RuleNotFound.class)
    ResponseEntity<ProblemDetail> notFound(RuleNotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "rule-not-found", "Rule not found", "RULE_NOT_FOUND",
                        ex.getMessage()));
    }

    @ExceptionHandler(TicketNotFound.class)
    ResponseEntity<ProblemDetail> ticketNotFound(TicketNotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "ticket-not-found", "Ticket not found", "TICKET_NOT_FOUND",
                        ex.getMessage()));
    }

    @ExceptionHandler(StaleRule.class)
    ResponseEntity<ProblemDetail> stale(StaleRule ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "Changed in the meantime",
                "VERSION_CONFLICT", ex.getMessage());
        problem.setProperty("currentVersion", ex.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + ex.currentVersion() + "\"").body(problem);
    }

    @ExceptionHandler(RuleAccess.NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(RuleAccess.NotPermitted ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "not-permitted", "Not allowed", "NOT_PERMITTED", ex.getMessage()));
    }

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequest ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", null,
                ex.field() + " " + ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        if (code != null) {
            problem.setProperty("code", code);
        }
        return problem;
    }
}
