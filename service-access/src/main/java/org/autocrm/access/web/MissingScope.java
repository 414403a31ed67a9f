package org.autocrm.access.web;

/** An API key called an endpoint its scopes do not cover (403, naming the scope it needs). */
public final class MissingScope extends RuntimeException {

    private final String scope;

    MissingScope(String scope, String message) {
        super(message);
        this.scope = scope;
    }

    /** The scope that would have allowed it, or null when no scope opens the endpoint to API keys. */
    public String scope() {
        return scope;
    }
}
