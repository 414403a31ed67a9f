package org.autocrm.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.autocrm.access.web.StrictJson.RefusedJsonText;
import org.autocrm.access.web.StrictJson.TrailingJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers the kit's own refusals of hostile input, ahead of every {@code @ExceptionHandler} of the
 * service (whose {@code ResponseEntityExceptionHandler} would turn them into its generic "not
 * readable" answer or, for multipart, a 500): control characters ({@link RefusedText}), content
 * after a JSON document, unreadable multipart bodies. Anything else it leaves alone (returns
 * {@code null}), so a service answers its other errors exactly as before; an upload over the size
 * limit ({@link MaxUploadSizeExceededException}) stays the service's.
 */
public class InputProblems implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(InputProblems.class);

    private final ObjectMapper json;

    public InputProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        Problems problem = problemFor(ex);
        if (problem == null || response.isCommitted()) {
            return null;
        }
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), problem.detail());
        try {
            problem.write(response, request.getRequestURI(), json);
        } catch (IOException unwritable) {
            log.debug("Could not write the problem response: {}", unwritable.toString());
        }
        return new ModelAndView();
    }

    static Problems problemFor(Exception ex) {
        if (ex instanceof RefusedText refused) {
            return invalid(refused);
        }
        if (ex instanceof HttpMessageNotReadableException) {
            for (Throwable cause = ex.getCause(), seen = ex; cause != null && cause != seen;
                 seen = cause, cause = cause.getCause()) {
                if (cause instanceof RefusedJsonText text) {
                    return invalid(text.refusal());
                }
                if (cause instanceof TrailingJson trailing) {
                    return Problems.invalidRequest(trailing.detail(), List.of());
                }
            }
            return null;
        }
        if (ex instanceof MultipartException multipart && !(ex instanceof MaxUploadSizeExceededException)) {
            return multipart(multipart);
        }
        return null;
    }

    private static Problems invalid(RefusedText refused) {
        return Problems.invalidRequest(refused.getMessage(), List.of(refused.error()));
    }

    private static Problems multipart(MultipartException ex) {
        if (ex.getCause() == null && String.valueOf(ex.getMessage()).contains("not a multipart request")) {
            return Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "The request is not multipart/form-data; send the file as a part of a multipart/form-data body");
        }
        Throwable root = ex;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root.getClass().getSimpleName().equals("InvalidFileNameException")) {
            // Tomcat's multipart parser refuses a NUL in a file name before any check of ours sees the part
            return Problems.invalidRequest("The file name of an uploaded part must not contain control characters",
                    List.of(java.util.Map.of("field", "filename",
                            "message", "must not contain control characters")));
        }
        String reason = root.getMessage() == null ? "" : root.getMessage().toLowerCase(Locale.ROOT);
        String why;
        if (reason.contains("boundary")) {
            why = "the Content-Type header names no boundary; send Content-Type: multipart/form-data; "
                    + "boundary=<boundary> and separate the parts with --<boundary> lines";
        } else {
            why = "it is not well-formed multipart/form-data: every part needs its own headers (at least "
                    + "Content-Disposition: form-data; name=\"...\") followed by an empty line, and the body must end "
                    + "with --<boundary>--";
            if (!reason.isBlank()) {
                why += " (" + ControlCharacters.printable(shorten(root.getMessage())) + ")";
            }
        }
        return Problems.invalidRequest("The multipart body cannot be read: " + why, List.of());
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
