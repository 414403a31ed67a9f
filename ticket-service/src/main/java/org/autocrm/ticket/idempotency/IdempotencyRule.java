package org.autocrm.ticket.idempotency;

import java.net.URI;
import org.autocrm.ticket.refusal.Refusal;

/** How a ticket command sent with an Idempotency-Key can be refused by the key alone, before anything is done. */
enum IdempotencyRule implements Refusal {
    /** The key was used for a different request (method, path, query or body) by the same caller. */
    IDEMPOTENCY_KEY_REUSED(Kind.INVALID_VALUE, "The Idempotency-Key was used for another request"),
    /** The first request with the key is still being answered; retry after Retry-After seconds. */
    IDEMPOTENT_REQUEST_IN_PROGRESS(Kind.CONFLICT, "A request with this Idempotency-Key is still running");

    private static final URI TYPE = URI.create("https://autocrm.org/problems/idempotency-key");

    private final Kind kind;
    private final String title;

    IdempotencyRule(Kind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    @Override
    public String field() {
        return "Idempotency-Key";
    }

    @Override
    public URI type() {
        return TYPE;
    }

    @Override
    public String title() {
        return title;
    }
}
