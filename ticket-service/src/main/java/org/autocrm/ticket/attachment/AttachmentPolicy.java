package org.autocrm.ticket.attachment;

import java.util.Locale;
import org.autocrm.ticket.refusal.Refused;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Decides whether a file may be attached, from its bytes, its size and the name it claims. */
@Component
class AttachmentPolicy {

    private final DataSize maxSize;

    AttachmentPolicy(AttachmentProperties properties) {
        this.maxSize = properties.maxSize();
    }

    /** The kind of an acceptable file; refuses empty, too large, unknown, dangerous or disguised files. */
    FileKind check(String fileName, String declaredContentType, byte[] bytes) {
        if (bytes.length == 0) {
            throw new Refused(AttachmentRule.FILE_EMPTY, "file is empty");
        }
        if (bytes.length > maxSize.toBytes()) {
            throw new Refused(AttachmentRule.FILE_TOO_LARGE, "file is " + bytes.length
                    + " bytes; a ticket accepts files up to " + maxSize.toMegabytes() + " MB");
        }
        FileKind kind = FileKind.of(bytes).orElseThrow(() -> new Refused(AttachmentRule.FILE_KIND_NOT_ACCEPTED,
                "file '" + fileName + "' is not a kind of file tickets accept (images, PDF, office documents, "
                        + "zip archives and plain text are)"));
        String extension = extensionOf(fileName);
        if (extension != null && !kind.mayBeNamed(extension)) {
            throw disguised(fileName, kind, "." + extension);
        }
        if (declaredContentType != null && !declaredContentType.startsWith("application/octet-stream")
                && !contentTypeFits(kind, declaredContentType)) {
            throw disguised(fileName, kind, declaredContentType);
        }
        return kind;
    }

    private static boolean contentTypeFits(FileKind kind, String declared) {
        String type = declared.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case TEXT -> type.startsWith("text/") && !type.equals("text/html") || type.equals("application/json");
            case ZIP -> type.equals("application/zip") || type.startsWith("application/vnd.openxmlformats")
                    || type.startsWith("application/vnd.oasis") || type.equals("application/x-zip-compressed");
            default -> type.equals(kind.contentType());
        };
    }

    private static Refused disguised(String fileName, FileKind kind, String claimed) {
        return new Refused(AttachmentRule.FILE_DISGUISED, "file '" + fileName + "' claims to be "
                + claimed + " but its content is " + kind.contentType());
    }

    private static String extensionOf(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
