package org.autocrm.ticket.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.autocrm.ticket.refusal.Problems;
import org.autocrm.ticket.refusal.Refusal;
import org.autocrm.ticket.refusal.Refused;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem response a person can act on. A feature's refusal
 * ({@link Refused}) is answered by its {@link Refusal.Kind kind}, with the refusal's type, title and
 * code; this class knows no feature. Callers that are not signed in or lack a scope are answered by
 * the service kit ({@code org.autocrm.access.web.AccessProblems}).
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /**
     * The problem one item of a batch answers with when its change fails as a request of its own would (a refusal,
     * a lost race, a stale or unknown item); empty for any other failure, which is the batch's own.
     */
    public Optional<ProblemDetail> problemOf(RuntimeException failure) {
        ResponseEntity<ProblemDetail> answer = failure instanceof Refused refused ? refused(refused)
                : failure instanceof ConflictingAggregateVersionException conflict ? versionConflict(conflict)
                : failure instanceof ConcurrencyException concurrent ? concurrentWrite(concurrent)
                : failure instanceof AggregateNotFoundException notFound ? aggregateNotFound(notFound)
                : null;
        return Optional.ofNullable(answer).map(ResponseEntity::getBody);
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused ex) {
        Refusal refusal = ex.refusal();
        HttpStatus status = HttpStatus.valueOf(refusal.kind().status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        if (refusal.type() != null) {
            problem.setType(refusal.type());
        }
        problem.setTitle(refusal.title());
        if (refusal.code() != null) {
            problem.setProperty("code", refusal.code());
        }
        ex.details().forEach(problem::setProperty);
        ex.field().ifPresent(field -> problem.setProperty("errors",
                List.of(Map.of("field", field, "message", ex.fieldMessage()))));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        ex.currentVersion().ifPresent(version -> response.eTag("\"" + version + "\""));
        return response.body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", messageOf(error)))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(invalid(detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return ResponseEntity.badRequest().body(invalid(field + " has the wrong type",
                    List.of(Map.of("field", field, "message", "has the wrong type"))));
        }
        return ResponseEntity.badRequest().body(invalid("The request body is not valid JSON", List.of()));
    }

    /**
     * A parameter that is not of its type, or given more than once where it is single-valued: named, with the type
     * in words (never the Java type or an array's identity).
     */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : ex.getPropertyName() == null ? "parameter" : ex.getPropertyName();
        String message;
        if (ex.getValue() instanceof Object[] values && values.length > 1) {
            message = "must be given once, not " + values.length + " times";
        } else {
            Object value = ex.getValue() instanceof Object[] values && values.length == 1 ? values[0] : ex.getValue();
            message = "must be " + expected(ex.getRequiredType())
                    + (value == null ? "" : ", not '" + shown(String.valueOf(value)) + "'");
        }
        return ResponseEntity.badRequest().body(invalid(name + " " + message,
                List.of(Map.of("field", name, "message", message))));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "a valid value";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == Integer.class
                || type == Long.class || type == Short.class) {
            return "a whole number";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 timestamp such as 2026-11-22T09:15:00Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-11-22";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        return "a " + type.getSimpleName();
    }

    /** A value as a person can read it back: control characters as U+XXXX, at most 100 characters. */
    private static String shown(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(100).forEach(c -> {
            if (Character.isISOControl(c)) {
                shown.append(String.format("U+%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return value.codePointCount(0, value.length()) > 100 ? shown + "..." : shown.toString();
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than this service accepts");
        problem.setTitle("File not accepted");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    /** Two writes to one ticket raced and this one lost: the same answer as a stale If-Match. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The ticket was changed by someone else at the same moment; reload it and try again.");
        problem.setType(Problems.STALE_VERSION);
        problem.setTitle("Changed by someone else");
        problem.setProperty("code", "STALE_VERSION");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    /** An update to an aggregate that was never created (the web layer normally answers 404 before). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no item " + ex.getAggregateIdentifier());
        problem.setType(Problems.NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    /** An If-Match (or a concurrent edit) named a version the aggregate has moved past. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change was made against version " + ex.getExpectedVersion() + " but it is now at version "
                        + ex.getActualVersion() + "; reload it and apply the change again");
        problem.setType(Problems.VERSION_CONFLICT);
        problem.setTitle("Changed in the meantime");
        problem.setProperty("code", "VERSION_CONFLICT");
        problem.setProperty("expectedVersion", ex.getExpectedVersion());
        problem.setProperty("currentVersion", ex.getActualVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag(Long.toString(ex.getActualVersion())).body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected failure", ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The request failed on our side. It is safe to retry; the failure has been logged.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setType(Problems.INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
