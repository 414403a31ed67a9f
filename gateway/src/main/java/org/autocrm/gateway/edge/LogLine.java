package org.autocrm.gateway.edge;

/** A logfmt line: {@code key=value} pairs, values quoted when they hold spaces, quotes or '='. */
final class LogLine {

    private final StringBuilder text = new StringBuilder();

    LogLine add(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (!text.isEmpty()) {
            text.append(' ');
        }
        text.append(key).append('=').append(quotedIfNeeded(value.toString()));
        return this;
    }

    private static String quotedIfNeeded(String value) {
        // control characters would let a client forge a second log line
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        if (clean.isEmpty() || clean.chars().anyMatch(c -> c == ' ' || c == '"' || c == '=')) {
            return '"' + clean.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return clean;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
