package org.autocrm.routing.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads a raw value (as JSON or a stored document carries it) as a value of one {@link ValueType}. The same reading
 * applies to a condition's value and to the ticket's value, so both sides of a comparison are alike.
 */
final class Values {

    static final String NOT_SET = "not set";

    private Values() {
    }

    /**
     * The value as its type's Java form (String, BigDecimal, Boolean, LocalDate, Instant, or a List of strings for a
     * list), or empty when it is not a value of that type.
     */
    static Optional<Object> read(ValueType type, Object raw) {
        if (raw == null) {
            return Optional.empty();
        }
        return switch (type) {
            case TEXT, KEYWORD -> raw instanceof String text ? Optional.of(text) : Optional.empty();
            case NUMBER -> raw instanceof Number number ? number(number) : Optional.empty();
            case BOOLEAN -> raw instanceof Boolean flag ? Optional.of(flag) : Optional.empty();
            case DATE -> date(raw);
            case TIMESTAMP -> timestamp(raw);
            case LIST -> list(raw);
        };
    }

    /** Whether a ticket's value counts as set: present, and for text and lists not empty. */
    static boolean isSet(Object value) {
        if (value instanceof String text) {
            return !text.isBlank();
        }
        if (value instanceof Collection<?> items) {
            return !items.isEmpty();
        }
        return value != null;
    }

    private static Optional<Object> number(Number number) {
        try {
            return Optional.of(new BigDecimal(number.toString()));
        } catch (NumberFormatException notFinite) {
            return Optional.empty();
        }
    }

    private static Optional<Object> date(Object raw) {
        if (raw instanceof LocalDate day) {
            return Optional.of(day);
        }
        try {
            return raw instanceof String text ? Optional.of(LocalDate.parse(text.strip())) : Optional.empty();
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    private static Optional<Object> timestamp(Object raw) {
        if (raw instanceof Instant instant) {
            return Optional.of(instant);
        }
        try {
            return raw instanceof String text ? Optional.of(Instant.parse(text.strip())) : Optional.empty();
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    private static Optional<Object> list(Object raw) {
        if (!(raw instanceof Collection<?> items)) {
            return Optional.empty();
        }
        List<String> strings = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String text)) {
                return Optional.empty();
            }
            strings.add(text);
        }
        return Optional.of(List.copyOf(strings));
    }

    /** A value as an admin would read it in an explanation. */
    static String show(Object value) {
        if (value == null || !isSet(value)) {
            return NOT_SET;
        }
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(Values::show).toList().toString();
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value.toString();
    }
}
