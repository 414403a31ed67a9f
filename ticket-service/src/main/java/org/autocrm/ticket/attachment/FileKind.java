package org.autocrm.ticket.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of file tickets accept, recognised by their first bytes, with the names they may carry. */
enum FileKind {
    PNG("image/png", List.of("png")),
    JPEG("image/jpeg", List.of("jpg", "jpeg")),
    GIF("image/gif", List.of("gif")),
    WEBP("image/webp", List.of("webp")),
    PDF("application/pdf", List.of("pdf")),
    ZIP("application/zip", List.of("zip", "docx", "xlsx", "pptx", "odt", "ods", "odp")),
    TEXT("text/plain", List.of("txt", "csv", "log", "md", "json", "eml"));

    private final String contentType;
    private final List<String> extensions;

    FileKind(String contentType, List<String> extensions) {
        this.contentType = contentType;
        this.extensions = extensions;
    }

    String contentType() {
        return contentType;
    }

    boolean mayBeNamed(String extension) {
        return extensions.contains(extension);
    }

    /** What the bytes are, or empty for anything not accepted (executables, HTML, unknown binaries). */
    static Optional<FileKind> of(byte[] bytes) {
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of(PNG);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of(JPEG);
        }
        if (startsWith(bytes, 'G', 'I', 'F', '8')) {
            return Optional.of(GIF);
        }
        if (startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length > 12
                && Arrays.equals(Arrays.copyOfRange(bytes, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of(WEBP);
        }
        if (startsWith(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of(PDF);
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            return Optional.of(ZIP);
        }
        if (isExecutable(bytes) || looksLikeMarkup(bytes)) {
            return Optional.empty();
        }
        return isUtf8Text(bytes) ? Optional.of(TEXT) : Optional.empty();
    }

    private static boolean isExecutable(byte[] bytes) {
        return startsWith(bytes, 'M', 'Z') || startsWith(bytes, 0x7F, 'E', 'L', 'F') || startsWith(bytes, '#', '!')
                || startsWith(bytes, 0xCF, 0xFA, 0xED, 0xFE) || startsWith(bytes, 0xCE, 0xFA, 0xED, 0xFE)
                || startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(bytes, 0xFE, 0xED, 0xFA, 0xCF)
                || startsWith(bytes, 0xCA, 0xFE, 0xBA, 0xBE);
    }

    /** HTML and SVG can run scripts in a browser that opens them. */
    private static boolean looksLikeMarkup(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
                .stripLeading().toLowerCase();
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<svg")
                || head.startsWith("<?xml") || head.startsWith("<script");
    }

    private static boolean isUtf8Text(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }
}
