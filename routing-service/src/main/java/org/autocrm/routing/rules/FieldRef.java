package org.autocrm.routing.rules;

import java.util.function.Function;

/** A field a checked condition reads: a ticket field or a custom field, with its type and how to read it. */
public record FieldRef(String name, ValueType type, Function<TicketFacts, Object> reader) {

    public static FieldRef custom(String key, ValueType type) {
        return new FieldRef(TicketField.CUSTOM_FIELD_PREFIX + key, type, facts -> facts.customFields().get(key));
    }

    /** The ticket's value of this field in its type's Java form, or null when absent or not of the field's type. */
    public Object valueOf(TicketFacts facts) {
        return Values.read(type, reader.apply(facts)).orElse(null);
    }
}
