package org.autocrm.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Spring Boot's {@code /error} fallback as an RFC 9457 problem, whatever the caller accepts: what
 * reaches it (an exception no handler answered, a {@code sendError} from the container or from
 * Spring) never shows Spring's default error JSON or an HTML page, nor an exception's message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController implements ErrorController {

    static final String SERVER_FAILED = "The request failed on our side. It is safe to retry; the failure has been logged.";

    private final ObjectMapper json;

    public ProblemErrorController(ObjectMapper json) {
        this.json = json;
    }

    @RequestMapping
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri == null ? request.getRequestURI() : uri.toString();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        problem(status, request.getMethod(), path, message == null ? null : message.toString())
                .write(response, path, json);
    }

    static Problems problem(int status, String method, String path, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String detail;
        if (status >= 500) {
            detail = SERVER_FAILED;
        } else if (status == 404) {
            detail = "There is nothing at " + ControlCharacters.printable(path);
        } else if (status == 405) {
            detail = ControlCharacters.printable(method) + " is not allowed on " + ControlCharacters.printable(path);
        } else if (status == 413) {
            detail = "The request is larger than this service accepts";
        } else if (message != null && !message.isBlank()) {
            detail = ControlCharacters.printable(message);
        } else {
            detail = title;
        }
        return new Problems(status == 400 ? Problems.INVALID_REQUEST : Problems.BLANK,
                status == 400 ? "Invalid request" : title, status, detail, null);
    }
}
