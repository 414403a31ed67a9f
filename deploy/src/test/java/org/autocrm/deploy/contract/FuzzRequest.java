package org.autocrm.deploy.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request: for which operation and role, whether it follows the document ({@code valid}) or what
 * was done to it ({@code mutation}), and what goes on the wire: the path with its query string (already
 * percent-encoded), headers, the body and its content type (both may be null).
 */
record FuzzRequest(ApiDocument.Operation operation, Role role, boolean valid, String mutation, String target,
                   List<Map.Entry<String, String>> headers, byte[] body, String contentType) {

    /** Who calls. */
    enum Role { ADMIN, TEAM_LEAD, AGENT, CUSTOMER, API_KEY }

    String method() {
        return operation.method();
    }

    /** Method, target, role and the start of the body: enough to replay it by hand. */
    String describe() {
        StringBuilder text = new StringBuilder(method()).append(' ').append(Excerpt.of(target, 300))
                .append("  as ").append(role).append(valid ? "  [valid]" : "  [" + mutation + "]");
        if (contentType != null) {
            text.append("\n      Content-Type: ").append(contentType);
        }
        for (Map.Entry<String, String> header : headers) {
            text.append("\n      ").append(header.getKey()).append(": ").append(Excerpt.of(header.getValue(), 120));
        }
        if (body != null) {
            text.append("\n      body: ").append(Excerpt.of(new String(body, StandardCharsets.UTF_8), 400));
        }
        return text.toString();
    }
}
