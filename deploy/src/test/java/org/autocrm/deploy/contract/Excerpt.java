package org.autocrm.deploy.contract;

/** Text shortened for a report, with control characters made visible. */
final class Excerpt {

    private Excerpt() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int limit = Math.min(text.length(), max);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
