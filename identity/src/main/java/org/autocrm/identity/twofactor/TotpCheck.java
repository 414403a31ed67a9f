package org.autocrm.identity.twofactor;

/**
 * What {@link TotpAuthenticator#verify} decided about one code. {@link #lastAcceptedStep()} is
 * the value the caller stores for the next check: the step of this code when it was accepted,
 * otherwise the one it passed in, unchanged.
 */
public record TotpCheck(Outcome outcome, long lastAcceptedStep) {

    public enum Outcome {
        /** The code is right and has not been used before. */
        ACCEPTED,
        /** Six digits, but not the code of any step in the window. */
        WRONG_CODE,
        /** The right code, but it (or a later one) was already accepted: someone may have seen it. */
        REPLAYED,
        /** Not six digits at all. */
        MALFORMED
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
