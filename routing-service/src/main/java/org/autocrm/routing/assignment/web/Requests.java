package org.autocrm.routing.assignment.web;

import java.util.Optional;
import org.autocrm.routing.assignment.Ids;
import org.springframework.http.HttpHeaders;

/** What the path and headers of a request say: a well-formed id, the version If-Match names. */
final class Requests {

    private Requests() {
    }

    static String id(String parameter, String value) {
        if (!Ids.wellFormed(value)) {
            throw new InvalidRequest(parameter, "must be an id of " + Ids.describe());
        }
        return value;
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}, else the body's version; empty for {@code *} or neither. */
    static Optional<Long> expectedVersion(String ifMatch, Long bodyVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return Optional.ofNullable(bodyVersion);
        }
        String version = ifMatch.strip();
        if (version.equals("*")) {
            return Optional.empty();
        }
        if (version.startsWith("W/")) {
            version = version.substring(2);
        }
        if (version.length() >= 2 && version.startsWith("\"") && version.endsWith("\"")) {
            version = version.substring(1, version.length() - 1);
        }
        try {
            long parsed = Long.parseLong(version);
            if (parsed >= 0) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new InvalidRequest(HttpHeaders.IF_MATCH, "must be the version to change, such as \"3\"");
    }
}
