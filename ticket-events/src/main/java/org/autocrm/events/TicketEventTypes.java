package org.autocrm.events;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The wire name of every ticket event and its payload record. Consumers look a type up here and
 * skip types they do not know; a new version of an event is a new entry, never an edit.
 */
public final class TicketEventTypes {

    private static final Map<Class<? extends TicketEvent>, String> TYPES = Map.of(
            TicketCreated.class, "autocrm.ticket.created.v1");

    private static final Map<String, Class<? extends TicketEvent>> CLASSES = TYPES.entrySet().stream()
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));

    private TicketEventTypes() {
    }

    /** The wire type of a payload class; fails for a class that is not part of the contract. */
    public static String typeOf(Class<? extends TicketEvent> payloadClass) {
        String type = TYPES.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException(payloadClass.getName() + " is not a published ticket event");
        }
        return type;
    }

    /** The payload record of a wire type, or empty for a type this version of the contract does not know. */
    public static Optional<Class<? extends TicketEvent>> payloadOf(String type) {
        return Optional.ofNullable(CLASSES.get(type));
    }

    /** Every known wire type. */
    public static java.util.Set<String> all() {
        return CLASSES.keySet();
    }

    /** Classpath location of the JSON Schema for the {@code data} of a wire type. */
    public static String schemaResource(String type) {
        return "/org/autocrm/events/schemas/" + type + ".schema.json";
    }

    /** Classpath location of the JSON Schema of the envelope. */
    public static final String ENVELOPE_SCHEMA = "/org/autocrm/events/schemas/envelope.v1.schema.json";
}
