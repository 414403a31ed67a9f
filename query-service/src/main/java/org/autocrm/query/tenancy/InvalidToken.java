package org.autocrm.query.tenancy;

/** The request carried no token, or one that does not prove who the caller is (401). */
class InvalidToken extends RuntimeException {

    /** No token at all: RFC 6750 answers with a bare challenge, without an error code. */
    private final boolean missing;

    InvalidToken(String message) {
        this(message, false);
    }

    private InvalidToken(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    static InvalidToken missing() {
        return new InvalidToken("sign in: this request needs an access token (Authorization: Bearer ...)", true);
    }

    boolean isMissing() {
        return missing;
    }
}
