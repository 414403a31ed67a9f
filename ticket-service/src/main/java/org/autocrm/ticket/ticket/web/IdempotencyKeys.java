package org.autocrm.ticket.ticket.web;

/** The {@code Idempotency-Key} header every ticket command accepts: what a valid key is. */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that repeats the stored first answer to the same key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 255;
    /** What a valid key is, as a refusal says it. */
    public static final String RULE = "must be 1 to " + MAX_LENGTH + " characters without control characters";

    private IdempotencyKeys() {
    }

    public static boolean isValid(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_LENGTH
                && key.chars().noneMatch(c -> c < 0x20 || c >= 0x7F && c <= 0x9F);
    }
}
