package org.autocrm.access.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.apache.tomcat.util.ExceptionUtils;

/**
 * Tomcat's own error answers (a request it refuses before any servlet runs: an encoded slash or NUL
 * in the path, a header over {@code server.max-http-request-header-size}, a malformed request) as
 * RFC 9457 problems instead of its HTML page. Never shows a stack trace, an application exception's message or the server's
 * version.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String message = response.getMessage();
        if ((message == null || message.isBlank()) && status == 400 && throwable instanceof IllegalArgumentException) {
            message = throwable.getMessage(); // the connector's reason for refusing the request, e.g. a header too large
        }
        Problems problem = problem(status, request.getMethod(), request.getDecodedRequestURI(), message);
        StringBuilder body = new StringBuilder(256).append('{');
        body.append("\"type\":").append(quoted(problem.type().toString()));
        body.append(",\"title\":").append(quoted(problem.title()));
        body.append(",\"status\":").append(problem.status());
        body.append(",\"detail\":").append(quoted(problem.detail()));
        body.append('}');
        try {
            response.setContentType(Problems.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
        } catch (Throwable t) {
            ExceptionUtils.handleThrowable(t);
        }
        try {
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body.toString());
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was committed meanwhile: nothing left to tell
        }
    }

    static Problems problem(int status, String method, String path, String message) {
        String said = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (status == 400 && said.contains("uri")) {
            return Problems.invalidRequest("The request path is not valid: it must not contain an encoded slash "
                    + "(%2F) or NUL (%00), other control characters, or segments that climb above the root",
                    null);
        }
        if (said.contains("header") && (said.contains("large") || said.contains("size"))) {
            return new Problems(Problems.BLANK, "Request header too large", status,
                    "The request headers are larger than this service accepts; send fewer or shorter headers", null);
        }
        if (status == 400) {
            return Problems.invalidRequest("The request is not valid HTTP: "
                    + (message == null || message.isBlank() ? "it could not be parsed" : shorten(message)),
                    null);
        }
        return ProblemErrorController.problem(status, method, path == null ? "" : path, message);
    }

    private static String shorten(String message) {
        String printable = ControlCharacters.printable(message);
        return printable.length() <= 300 ? printable : printable.substring(0, 300) + "...";
    }

    private static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
