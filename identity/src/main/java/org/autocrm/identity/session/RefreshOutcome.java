package org.autocrm.identity.session;

/**
 * What presenting a refresh token led to: a new token of the same session, the discovery that a
 * rotated-out token was used again (the session is now revoked), or nothing usable.
 */
public record RefreshOutcome(Kind kind, Session session, String refreshToken) {

    public enum Kind { ROTATED, REUSE_DETECTED, INVALID }

    static RefreshOutcome invalid() {
        return new RefreshOutcome(Kind.INVALID, null, null);
    }
}
