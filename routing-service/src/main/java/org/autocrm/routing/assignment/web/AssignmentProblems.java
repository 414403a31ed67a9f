package org.autocrm.routing.assignment.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.assignment.InvalidSettings;
import org.autocrm.routing.assignment.StaleSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The assignment API's refusals as RFC 9457 problems, each with a stable {@code code}. */
@RestControllerAdvice(basePackageClasses = AssignmentProblems.class)
class AssignmentProblems {

    private static final String TYPES = "https://autocrm.org/problems/";

    @ExceptionHandler(InvalidSettings.class)
    ResponseEntity<ProblemDetail> invalid(InvalidSettings ex) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "assignment-settings-invalid",
                "Invalid assignment settings", InvalidSettings.CODE, ex.getMessage());
        problem.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(StaleSettings.class)
    ResponseEntity<ProblemDetail> stale(StaleSettings ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "Changed in the meantime",
                "VERSION_CONFLICT", ex.getMessage());
        problem.setProperty("currentVersion", ex.currentVersion());
        ResponseEntity.BodyBuilder conflict = ResponseEntity.status(HttpStatus.CONFLICT);
        if (ex.currentVersion() != null) {
            conflict.eTag("\"" + ex.currentVersion() + "\"");
        }
        return conflict.body(problem);
    }

    @ExceptionHandler(AssignmentAccess.NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(AssignmentAccess.NotPermitted ex) {
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
