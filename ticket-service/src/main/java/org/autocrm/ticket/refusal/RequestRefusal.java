package org.autocrm.ticket.refusal;

import java.net.URI;

/** Refusals of a request as such, found by the web layer before any feature's rules are asked. */
enum RequestRefusal implements Refusal {
    /** A request field (or header) is malformed. */
    INVALID_FIELD(Kind.INVALID_INPUT, Problems.INVALID_REQUEST, "Invalid request"),
    /** There is no such item for this caller. */
    NOT_FOUND(Kind.NOT_FOUND, null, "Not found");

    private final Kind kind;
    private final URI type;
    private final String title;

    RequestRefusal(Kind kind, URI type, String title) {
        this.kind = kind;
        this.type = type;
        this.title = title;
    }

    @Override
    public Kind kind() {
        return kind;
    }

    /** These refusals predate stable codes and are answered without one. */
    @Override
    public String code() {
        return null;
    }

    @Override
    public URI type() {
        return type;
    }

    @Override
    public String title() {
        return title;
    }
}
