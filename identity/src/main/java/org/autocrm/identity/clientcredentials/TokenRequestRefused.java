package org.autocrm.identity.clientcredentials;

/**
 * A token request refused with one of RFC 6749's error codes (§5.2): 401 with {@code WWW-Authenticate: Basic} for
 * {@code invalid_client}, 400 for the others.
 */
class TokenRequestRefused extends RuntimeException {

    static final String INVALID_REQUEST = "invalid_request";
    static final String INVALID_CLIENT = "invalid_client";
    static final String INVALID_GRANT = "invalid_grant";
    static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

    private final String error;

    TokenRequestRefused(String error, String description) {
        super(description, null, false, false);
        this.error = error;
    }

    static TokenRequestRefused invalidRequest(String description) {
        return new TokenRequestRefused(INVALID_REQUEST, description);
    }

    String error() {
        return error;
    }

    int status() {
        return INVALID_CLIENT.equals(error) ? 401 : 400;
    }

    OAuthError body() {
        return new OAuthError(error, getMessage());
    }
}
