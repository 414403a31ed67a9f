package org.autocrm.ticket.attachment;

import org.springframework.http.HttpStatus;

/** A file was not accepted; the status says why (413 too large, 415 not an accepted or honest type, 400 empty). */
public class AttachmentRefused extends RuntimeException {

    private final HttpStatus status;

    AttachmentRefused(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
