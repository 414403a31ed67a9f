package org.autocrm.routing.sla.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.sla.SlaSettingsRejected;
import org.autocrm.routing.sla.settings.CalendarInUse;
import org.autocrm.routing.sla.settings.SettingNotFound;
import org.autocrm.routing.sla.settings.StaleSetting;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The SLA API's refusals as RFC 9457 problems, each with a stable {@code code}. */
@RestControllerAdvice(basePackageClasses = SlaProblems.class)
class SlaProblems {

    private static final String TYPES = "https://autocrm.org/problems/";

    @ExceptionHandler(SlaSettingsRejected.class)
    ResponseEntity<ProblemDetail> rejected(SlaSettingsRejected ex) {
        String code = ex.reason().name();
        String title = switch (ex.reason()) {
            case CALENDAR_INVALID -> "Invalid calendar";
            case HOLIDAY_IMPORT_INVALID -> "Invalid iCalendar document";
            case POLICY_INVALID -> "Invalid SLA policy";
        };
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, code.toLowerCase().replace('_', '-'), title,
                code, String.join("; ", ex.problems().stream().map(Object::toString).toList()));
        problem.setProperty("errors", ex.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @ExceptionHandler(SettingNotFound.class)
    ResponseEntity<ProblemDetail> notFound(SettingNotFound ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "sla-setting-not-found", "Not found", "SLA_SETTING_NOT_FOUND",
                        ex.getMessage()));
    }

    @ExceptionHandler(NoSlaClock.class)
    ResponseEntity<ProblemDetail> noClock(NoSlaClock ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "sla-clock-not-found", "No SLA clock", "SLA_CLOCK_NOT_FOUND",
                        ex.getMessage()));
    }

    @ExceptionHandler(StaleSetting.class)
    ResponseEntity<ProblemDetail> stale(StaleSetting ex) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "version-conflict", "Changed in the meantime",
                "VERSION_CONFLICT", ex.getMessage());
        problem.setProperty("currentVersion", ex.currentVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(IfMatch.etag(ex.currentVersion())).body(problem);
    }

    @ExceptionHandler(CalendarInUse.class)
    ResponseEntity<ProblemDetail> inUse(CalendarInUse ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(HttpStatus.CONFLICT, "calendar-in-use", "Calendar in use", "CALENDAR_IN_USE",
                        ex.getMessage()));
    }

    @ExceptionHandler(SlaAccess.NotPermitted.class)
    ResponseEntity<ProblemDetail> notPermitted(SlaAccess.NotPermitted ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "not-permitted", "Not allowed", "NOT_PERMITTED", ex.getMessage()));
    }

    @ExceptionHandler(IfMatch.InvalidHeader.class)
    ResponseEntity<ProblemDetail> invalidHeader(IfMatch.InvalidHeader ex) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", null,
                ex.header() + " " + ex.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", ex.header(), "message", ex.getMessage())));
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

    /** The ticket has no SLA clock in the caller's tenant (404). */
    static class NoSlaClock extends RuntimeException {
        NoSlaClock(String ticketId) {
            super("ticket " + ticketId + " has no SLA clock: unknown here, or opened before SLA tracking began");
        }
    }
}
