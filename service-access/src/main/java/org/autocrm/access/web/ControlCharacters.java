package org.autocrm.access.web;

/**
 * The one rule for text at the edge of every service: no control characters except TAB, LF and CR.
 * Refused are the other C0 characters (U+0000–U+001F, NUL among them), DEL (U+007F) and the C1
 * range (U+0080–U+009F): stores refuse some (PostgreSQL and NUL), and none belongs in a name, a
 * subject or an id.
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether {@code c} is a control character this rule refuses. */
    public static boolean refused(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f;
    }

    /** The index of the first refused character in {@code text}, or -1. */
    public static int indexIn(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (refused(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The index (relative to {@code offset}) of the first refused character in the slice, or -1. */
    static int indexIn(char[] text, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (refused(text[offset + i])) {
                return i;
            }
        }
        return -1;
    }

    /** {@code U+0000}: how a refusal names the character. */
    static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    /** {@code text} with every refused character written as {@code \u0000}, safe to echo in a message. */
    static String printable(String text) {
        if (indexIn(text) < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(refused(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
        }
        return out.toString();
    }
}
