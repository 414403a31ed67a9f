package org.autocrm.ticket.refusal;

import java.net.URI;

/**
 * A rule a request can break, with a stable code clients may switch on. Each feature lists its
 * rules as an enum implementing this; they are thrown as {@link Refused} and answered as RFC 9457
 * problems by one mapping that knows the {@link Kind} and nothing of the features.
 */
public interface Refusal {

    /** What sort of refusal it is; each kind is answered with one HTTP status. */
    enum Kind {
        /** malformed or missing input */
        INVALID_INPUT(400),
        /** the caller's role does not allow it */
        FORBIDDEN(403),
        /** no such item for this caller (or one they may not know exists) */
        NOT_FOUND(404),
        /** the item's current state or version does not allow it, or a name is taken */
        CONFLICT(409),
        /** the content is larger than accepted */
        TOO_LARGE(413),
        /** the content is not of an accepted type */
        UNSUPPORTED_TYPE(415),
        /** well-formed input the tenant's configuration, data or the item does not accept */
        INVALID_VALUE(422);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        /** The HTTP status of this kind of refusal. */
        public int status() {
            return status;
        }
    }

    /** The enum constant's name; the default {@link #code()}. */
    String name();

    Kind kind();

    /** The stable code the problem carries as {@code code}, or null for refusals answered without one. */
    default String code() {
        return name();
    }

    /** The request field the rule is about (the problem's {@code errors}), or null when it is about the item as a whole. */
    default String field() {
        return null;
    }

    /** The problem {@code type}, or null for {@code about:blank}. */
    URI type();

    /** The problem {@code title}: a short summary of this sort of refusal. */
    String title();
}
