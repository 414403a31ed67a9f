package org.autocrm.ticket.actor;

import java.util.Optional;

/**
 * The {@code AutoCRM-Reason} header: why an automation made a change ({@code rule:<ruleId>}, {@code round_robin},
 * {@code sla_breach:<policyId>}, ...), recorded in every event the command causes as {@code by.reason}.
 * 1-500 printable characters; a header from anyone but an automation is ignored, not judged.
 */
public final class AutomationReason {

    public static final String HEADER = "AutoCRM-Reason";
    public static final int MAX_LENGTH = 500;
    /** What a valid reason is, as a refusal says it. */
    public static final String RULE = "must be 1-" + MAX_LENGTH + " printable characters";

    private AutomationReason() {
    }

    /** The reason as sent, or empty when it breaks {@link #RULE}. */
    public static Optional<String> parse(String header) {
        if (header == null || header.isBlank() || header.codePointCount(0, header.length()) > MAX_LENGTH
                || header.codePoints().anyMatch(AutomationReason::unprintable)) {
            return Optional.empty();
        }
        return Optional.of(header);
    }

    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE
                || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }
}
