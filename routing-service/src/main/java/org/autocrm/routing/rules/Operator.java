package org.autocrm.routing.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a condition compares a ticket's field with its value; which operators a field takes is in {@link ValueType}. */
public enum Operator {
    IS("is"),
    IS_NOT("is_not"),
    CONTAINS("contains"),
    NOT_CONTAINS("not_contains"),
    IN("in"),
    NOT_IN("not_in"),
    GREATER_THAN("greater_than"),
    LESS_THAN("less_than"),
    IS_SET("is_set"),
    IS_NOT_SET("is_not_set");

    private final String wireName;

    Operator(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Operator> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(operator -> operator.wireName.equals(wanted)).findFirst();
    }

    /** What the condition's value must be: nothing, one value, or a non-empty list of values. */
    ValueShape valueShape() {
        return switch (this) {
            case IS_SET, IS_NOT_SET -> ValueShape.NONE;
            case IN, NOT_IN -> ValueShape.LIST;
            default -> ValueShape.SINGLE;
        };
    }

    enum ValueShape { NONE, SINGLE, LIST }
}
