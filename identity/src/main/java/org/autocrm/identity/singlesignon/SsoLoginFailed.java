package org.autocrm.identity.singlesignon;

import org.springframework.http.HttpStatus;

/**
 * Why a single sign-on did not produce an identity. The caller maps {@link #reason()} (never the
 * message) to a problem response with {@link Reason#status()}; the message is written for the
 * person signing in or the admin configuring the provider, and never holds secrets or tokens.
 */
public final class SsoLoginFailed extends RuntimeException {

    public enum Reason {
        /** The tenant has no single sign-on configured (or does not exist). */
        NOT_CONFIGURED(HttpStatus.NOT_FOUND),
        /** The callback's state is unknown, already used, expired or of another tenant: start again. */
        STATE_INVALID(HttpStatus.BAD_REQUEST),
        /** The provider said no: the user cancelled, or the code was refused at the token endpoint. */
        PROVIDER_REFUSED(HttpStatus.UNAUTHORIZED),
        /** The provider could not be reached, timed out, or answered something that is not OpenID Connect. */
        PROVIDER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
        /** The ID token failed validation: signature, issuer, audience, expiry or nonce. */
        INVALID_ID_TOKEN(HttpStatus.UNAUTHORIZED),
        /** A valid identity this tenant does not let in: no role maps, or no verified email. */
        NOT_PERMITTED(HttpStatus.FORBIDDEN);

        private final HttpStatus status;

        Reason(HttpStatus status) {
            this.status = status;
        }

        public HttpStatus status() {
            return status;
        }
    }

    private final Reason reason;

    SsoLoginFailed(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    SsoLoginFailed(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
