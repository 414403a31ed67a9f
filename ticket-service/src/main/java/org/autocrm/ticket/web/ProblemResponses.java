package org.autocrm.ticket.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.autocrm.ticket.attachment.AttachmentRefused;
import org.autocrm.ticket.configuration.ConfigurationRuleViolation;
import org.autocrm.ticket.customer.CustomerRuleViolation;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.autocrm.ticket.ticket.StaleTicketVersion;
import org.autocrm.ticket.ticket.TicketRuleViolation;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Turns every refusal into an RFC 9457 problem response a person can act on. */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final URI INVALID_REQUEST = URI.create("https://autocrm.org/problems/invalid-request");
    private static final URI RULE_BROKEN = URI.create("https://autocrm.org/problems/ticket-rule");
    private static final URI STALE_VERSION = URI.create("https://autocrm.org/problems/stale-version");
    private static final URI CONFIGURATION_RULE_BROKEN = URI.create("https://autocrm.org/problems/ticket-configuration-rule");
    private static final URI NOT_FOUND = URI.create("https://autocrm.org/problems/not-found");
    private static final URI CUSTOMER_RULE_BROKEN = URI.create("https://autocrm.org/problems/customer-rule");
    private static final URI VERSION_CONFLICT = URI.create("https://autocrm.org/problems/version-conflict");

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

    @ExceptionHandler(InvalidField.class)
    ResponseEntity<ProblemDetail> invalidField(InvalidField ex) {
        return ResponseEntity.badRequest().body(invalid(ex.field() + " " + ex.getMessage(),
                List.of(Map.of("field", ex.field(), "message", ex.getMessage()))));
    }

    @ExceptionHandler(AttachmentRefused.class)
    ResponseEntity<ProblemDetail> attachmentRefused(AttachmentRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
        problem.setTitle("File not accepted");
        problem.setProperty("errors", List.of(Map.of("field", "file", "message", ex.getMessage())));
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than this service accepts");
        problem.setTitle("File not accepted");
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(TicketRuleViolation.class)
    ResponseEntity<ProblemDetail> ruleBroken(TicketRuleViolation ex) {
        HttpStatus status = switch (ex.rule().kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case INVALID_VALUE -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CONFLICT -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(RULE_BROKEN);
        problem.setTitle(switch (ex.rule().kind()) {
            case INVALID_INPUT, INVALID_VALUE -> "Invalid request";
            case CONFLICT -> "The ticket cannot do that now";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
        });
        problem.setProperty("code", ex.rule().name());
        ex.details().forEach(problem::setProperty);
        Object field = ex.details().getOrDefault("field", ex.rule().field());
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", ex.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(StaleTicketVersion.class)
    ResponseEntity<ProblemDetail> staleVersion(StaleTicketVersion ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(STALE_VERSION);
        problem.setTitle("Changed by someone else");
        problem.setProperty("code", "STALE_VERSION");
        problem.setProperty("currentVersion", ex.currentVersion());
        problem.setProperty("expectedVersion", ex.expectedVersion());
        return ResponseEntity.status(HttpStatus.CONFLICT).eTag("\"" + ex.currentVersion() + "\"").body(problem);
    }

    /** Two writes to one ticket raced and this one lost: the same answer as a stale If-Match. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentWrite(ConcurrencyException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The ticket was changed by someone else at the same moment; reload it and try again.");
        problem.setType(STALE_VERSION);
        problem.setTitle("Changed by someone else");
        problem.setProperty("code", "STALE_VERSION");
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(ConfigurationRuleViolation.class)
    ResponseEntity<ProblemDetail> configurationRuleBroken(ConfigurationRuleViolation ex) {
        HttpStatus status = switch (ex.rule().refusal()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(status == HttpStatus.NOT_FOUND ? NOT_FOUND : CONFIGURATION_RULE_BROKEN);
        problem.setTitle(switch (ex.rule().refusal()) {
            case INVALID -> "Invalid request";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT, UNPROCESSABLE -> "The ticket configuration cannot do that";
        });
        problem.setProperty("code", ex.rule().name());
        String field = ex.rule().field();
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", ex.getMessage())));
        }
        ex.details().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    /** An update to an aggregate that was never created (the web layer normally answers 404 before). */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no item " + ex.getAggregateIdentifier());
        problem.setType(NOT_FOUND);
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(CustomerRuleViolation.class)
    ResponseEntity<ProblemDetail> customerRuleBroken(CustomerRuleViolation ex) {
        HttpStatus status = switch (ex.rule()) {
            case CUSTOMER_NAME_REQUIRED, CUSTOMER_EMAIL_INVALID, CUSTOMER_LANGUAGE_INVALID,
                 CUSTOMER_TIME_ZONE_INVALID -> HttpStatus.BAD_REQUEST;
            case CUSTOMER_EMAIL_TAKEN -> HttpStatus.CONFLICT;
            case CUSTOMER_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CUSTOMER_EDIT_FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
        problem.setType(CUSTOMER_RULE_BROKEN);
        problem.setTitle(status == HttpStatus.NOT_FOUND ? "No such customer" : "The customer cannot do that");
        problem.setProperty("code", ex.rule().name());
        ex.details().forEach(problem::setProperty);
        String field = ex.rule().field();
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", ex.getMessage())));
        }
        return ResponseEntity.status(status).body(problem);
    }

    /** An If-Match (or a concurrent edit) named a version the aggregate has moved past. */
    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> versionConflict(ConflictingAggregateVersionException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The change was made against version " + ex.getExpectedVersion() + " but it is now at version "
                        + ex.getActualVersion() + "; reload it and apply the change again");
        problem.setType(VERSION_CONFLICT);
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
        problem.setType(INVALID_REQUEST);
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String messageOf(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
