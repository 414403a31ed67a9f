package org.autocrm.access.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An RFC 9457 problem the kit writes itself, outside Spring MVC's return-value handling. */
record Problems(URI type, String title, int status, String detail, List<Map<String, String>> errors) {

    static final String PROBLEM_JSON = "application/problem+json";
    static final URI INVALID_REQUEST = URI.create("https://autocrm.org/problems/invalid-request");
    static final URI BLANK = URI.create("about:blank");

    static Problems invalidRequest(String detail, List<Map<String, String>> errors) {
        return new Problems(INVALID_REQUEST, "Invalid request", 400, detail, errors);
    }

    static Problems of(HttpStatus status, String detail) {
        return new Problems(BLANK, status.getReasonPhrase(), status.value(), detail, null);
    }

    Map<String, Object> body(String instance) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (instance != null) {
            body.put("instance", instance);
        }
        if (errors != null) {
            body.put("errors", errors);
        }
        return body;
    }

    void write(HttpServletResponse response, String instance, ObjectMapper json) throws IOException {
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] bytes = json.writeValueAsBytes(body(instance));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
