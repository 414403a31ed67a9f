package org.autocrm.routing.sla.web;

import java.util.Optional;

/** The version an If-Match header names ({@code "3"}, {@code W/"3"} or {@code 3}); empty for {@code *} or none. */
final class IfMatch {

    private IfMatch() {
    }

    static Optional<Long> version(String ifMatch) {
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
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidHeader("If-Match", "must be the version to change, such as \"3\"");
    }

    static Optional<Long> version(String ifMatch, Long bodyVersion) {
        return version(ifMatch).or(() -> Optional.ofNullable(bodyVersion));
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** A header this API cannot act on (400). */
    static class InvalidHeader extends RuntimeException {
        private final String header;

        InvalidHeader(String header, String message) {
            super(message);
            this.header = header;
        }

        String header() {
            return header;
        }
    }
}
