package org.autocrm.ticket.refusal;

import java.util.Map;
import java.util.Optional;

/**
 * A request was refused because it breaks a {@link Refusal}: the one exception every feature of
 * ticket-service throws for a broken rule. The message is the problem's {@code detail}.
 */
public class Refused extends RuntimeException {

    /** The details key that names the request field when it is not the refusal's own {@link Refusal#field()}. */
    public static final String FIELD = "field";

    private final Refusal refusal;
    private final transient Map<String, Object> details;
    private final String field;
    private final String fieldMessage;
    private final Long currentVersion;

    public Refused(Refusal refusal, String message) {
        this(refusal, message, Map.of());
    }

    /**
     * @param details facts a client can act on (e.g. the current status and the allowed ones), shown
     *                as properties of the problem; {@value #FIELD} there also names the request field
     *                refused instead of the refusal's own
     */
    public Refused(Refusal refusal, String message, Map<String, ?> details) {
        this(refusal, message, details, null, null, null);
    }

    private Refused(Refusal refusal, String message, Map<String, ?> details, String field, String fieldMessage,
                    Long currentVersion) {
        super(message);
        this.refusal = refusal;
        this.details = Map.copyOf(details);
        this.field = field;
        this.fieldMessage = fieldMessage;
        this.currentVersion = currentVersion;
    }

    /** A request field the web layer itself found invalid, before any command was sent (400). */
    public static Refused invalidField(String field, String problem) {
        return new Refused(RequestRefusal.INVALID_FIELD, field + " " + problem, Map.of(), field, problem, null);
    }

    /** The caller asked for something that does not exist for them, or that they may not know exists (404). */
    public static Refused notFound(String message) {
        return new Refused(RequestRefusal.NOT_FOUND, message);
    }

    /**
     * Refused because the item has moved on to {@code currentVersion} (answered as the ETag, so the
     * client can reload and retry).
     */
    public static Refused atVersion(Refusal refusal, String message, Map<String, ?> details, long currentVersion) {
        return new Refused(refusal, message, details, null, null, currentVersion);
    }

    public Refusal refusal() {
        return refusal;
    }

    /** Facts a client can act on, shown as properties of the problem. */
    public Map<String, Object> details() {
        return details;
    }

    /** The request field refused: named apart, else the one the details name, else the refusal's own (if any). */
    public Optional<String> field() {
        if (field != null) {
            return Optional.of(field);
        }
        Object named = details.get(FIELD);
        return Optional.ofNullable(named != null ? named.toString() : refusal.field());
    }

    /** What is wrong with {@link #field()}: the message itself unless said apart from it. */
    public String fieldMessage() {
        return fieldMessage != null ? fieldMessage : getMessage();
    }

    /** The version the item is at now, when the refusal is about a stale version. */
    public Optional<Long> currentVersion() {
        return Optional.ofNullable(currentVersion);
    }
}
