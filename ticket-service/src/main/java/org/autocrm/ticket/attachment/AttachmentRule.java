package org.autocrm.ticket.attachment;

import java.net.URI;
import org.autocrm.ticket.refusal.Refusal;

/** Why a file was not accepted; the kind says how (400 empty, 413 too large, 415 not an accepted or honest type). */
enum AttachmentRule implements Refusal {
    FILE_EMPTY(Kind.INVALID_INPUT),
    FILE_TOO_LARGE(Kind.TOO_LARGE),
    FILE_KIND_NOT_ACCEPTED(Kind.UNSUPPORTED_TYPE),
    FILE_DISGUISED(Kind.UNSUPPORTED_TYPE);

    private final Kind kind;

    AttachmentRule(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** Attachment refusals are answered without a code (as they always were); the status and message say why. */
    @Override
    public String code() {
        return null;
    }

    @Override
    public String field() {
        return "file";
    }

    @Override
    public URI type() {
        return null;
    }

    @Override
    public String title() {
        return "File not accepted";
    }
}
