package org.autocrm.routing.rules;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * One field test. {@code value} is already of the field's type (checked by {@link RuleParser}): a String, BigDecimal,
 * Boolean, LocalDate or Instant, a List of those for {@code in}/{@code not_in}, null for {@code is_set}.
 *
 * <p>Text compares ignoring case. A ticket without the field never {@code is}, {@code contains}, is {@code in},
 * {@code greater_than} or {@code less_than} anything, and so always satisfies the negated operators.
 */
public record FieldCondition(FieldRef field, Operator operator, Object value) implements Condition {

    @Override
    public ConditionCheck check(TicketFacts facts, String path) {
        Object actual = field.valueOf(facts);
        return new ConditionCheck(path, describe(), holds(actual), Values.show(actual), null, List.of());
    }

    @Override
    public String describe() {
        String test = field.name() + " " + operator.wireName();
        return operator.valueShape() == Operator.ValueShape.NONE ? test : test + " " + Values.show(value);
    }

    private boolean holds(Object actual) {
        boolean set = Values.isSet(actual);
        return switch (operator) {
            case IS_SET -> set;
            case IS_NOT_SET -> !set;
            case IS -> set && same(actual, value);
            case IS_NOT -> !(set && same(actual, value));
            case CONTAINS -> set && contains(actual, value);
            case NOT_CONTAINS -> !(set && contains(actual, value));
            case IN -> set && isIn(actual);
            case NOT_IN -> !(set && isIn(actual));
            case GREATER_THAN -> set && compare(actual, value) > 0;
            case LESS_THAN -> set && compare(actual, value) < 0;
        };
    }

    private boolean isIn(Object actual) {
        List<?> wanted = (List<?>) value;
        return wanted.stream().anyMatch(one -> actual instanceof Collection<?> ? contains(actual, one) : same(actual, one));
    }

    private static boolean contains(Object actual, Object wanted) {
        if (actual instanceof Collection<?> items) {
            return items.stream().anyMatch(item -> same(item, wanted));
        }
        return lower(actual).contains(lower(wanted));
    }

    private static boolean same(Object actual, Object wanted) {
        if (actual instanceof String text && wanted instanceof String other) {
            return text.equalsIgnoreCase(other);
        }
        if (actual instanceof BigDecimal number && wanted instanceof BigDecimal other) {
            return number.compareTo(other) == 0;
        }
        return actual.equals(wanted);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object actual, Object wanted) {
        // both sides were read as the same ValueType (numbers, dates, instants), so they are mutually comparable
        return ((Comparable) actual).compareTo(wanted);
    }

    private static String lower(Object text) {
        return text.toString().toLowerCase(Locale.ROOT);
    }
}
