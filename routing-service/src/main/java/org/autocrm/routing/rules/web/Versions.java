package org.autocrm.routing.rules.web;

import java.util.Optional;
import org.springframework.http.HttpHeaders;

/** The version an If-Match header names. */
final class Versions {

    private Versions() {
    }

    /** {@code "3"}, {@code W/"3"} or {@code 3}; empty for {@code *} or no header. */
    static Optional<Long> expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return Optional.empty();
        }
        String version = ifMatch.strip();
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
