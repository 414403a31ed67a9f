package org.autocrm.ticket.attachment;

import java.text.Normalizer;

/**
 * The name a file is stored and shown under, from the name its uploader's client sent: only the base name (no
 * directories, whichever separator), without control or invisible formatting characters (which could hide a
 * real extension, e.g. a right-to-left override), without characters file systems refuse, at most
 * {@value #MAX_LENGTH} characters with its extension kept; {@value #FALLBACK} when nothing is left.
 */
final class FileNames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "attachment";

    private FileNames() {
    }

    static String sanitised(String sent) {
        if (sent == null) {
            return FALLBACK;
        }
        String name = Normalizer.normalize(sent, Normalizer.Form.NFC);
        int separator = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(separator + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return;
            }
            if ("<>:\"|?*".indexOf(c) >= 0) {
                kept.append('_');
            } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                kept.append(' ');
            } else {
                kept.appendCodePoint(c);
            }
        });
        name = kept.toString().replaceAll(" {2,}", " ").strip();
        // trailing dots and spaces are dropped by Windows; a name of dots is a directory
        name = name.replaceAll("[. ]+$", "");
        if (name.isEmpty()) {
            return FALLBACK;
        }
        return capped(name);
    }

    private static String capped(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String base = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return base.substring(0, base.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
