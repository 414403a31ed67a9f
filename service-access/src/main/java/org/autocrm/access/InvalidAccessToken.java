package org.autocrm.access;

/**
 * The request carried no access token, or one that does not prove who the caller is (401); the
 * message says which, in words a person can act on.
 */
public final class InvalidAccessToken extends RuntimeException {

    /** No token at all: RFC 6750 answers with a bare challenge, without an error code. */
    private final boolean missing;

    InvalidAccessToken(String message) {
        this(message, false);
    }

    private InvalidAccessToken(String message, boolean missing) {
        super(message);
        this.missing = missing;
    }

    static InvalidAccessToken missing() {
        return new InvalidAccessToken("sign in: this request needs an access token (Authorization: Bearer ...)", true);
    }

    public boolean isMissing() {
        return missing;
    }

    /** The {@code WWW-Authenticate} value RFC 6750 asks for with the 401. */
    public String challenge() {
        return missing ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + getMessage().replace("\"", "'") + "\"";
    }
}
