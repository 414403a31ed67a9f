package org.autocrm.identity.singlesignon;

import java.net.URI;
import java.time.Instant;

/**
 * Where to send the browser (302 {@code Location}) to sign in at the tenant's provider. The
 * caller also sets a short-lived, HttpOnly, SameSite=Lax cookie holding {@code state} and checks
 * it on the callback, so a sign-in started in one browser cannot be finished in another.
 */
public record AuthorizationRedirect(URI location, String state, Instant expiresAt) {
}
