package org.autocrm.identity.singlesignon;

import java.time.Instant;

/**
 * A sign-in sent to the provider and not yet back: what the callback needs to finish it. The
 * {@code state} is its key; {@code nonce} must come back inside the ID token and
 * {@code codeVerifier} proves at the token endpoint that the code is ours (PKCE).
 */
public record PendingLogin(String state, String tenantId, String nonce, String codeVerifier, Instant expiresAt) {

    /** Keeps the verifier out of logs. */
    @Override
    public String toString() {
        return "PendingLogin[state=" + state + ", tenantId=" + tenantId + ", expiresAt=" + expiresAt + "]";
    }
}
