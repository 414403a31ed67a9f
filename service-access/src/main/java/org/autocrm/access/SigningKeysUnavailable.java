package org.autocrm.access;

/** The gateway's key set could not be read, so no access token can be checked right now (503, not 401). */
public final class SigningKeysUnavailable extends RuntimeException {

    SigningKeysUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
