package org.autocrm.routing.rules;

import java.util.List;

/**
 * A condition as written: either a field test ({@code field}, {@code operator}, {@code value}) or a group
 * ({@code match} and {@code conditions}). Groups nest one level: a group inside the rule's conditions may hold field
 * tests only.
 *
 * @param value a string, number, boolean or list, as JSON gives it; absent for {@code is_set}/{@code is_not_set}
 */
public record ConditionSpec(String field, String operator, Object value, String match, List<ConditionSpec> conditions) {

    public static ConditionSpec test(String field, String operator, Object value) {
        return new ConditionSpec(field, operator, value, null, null);
    }

    public static ConditionSpec all(ConditionSpec... conditions) {
        return new ConditionSpec(null, null, null, "all", List.of(conditions));
    }

    public static ConditionSpec any(ConditionSpec... conditions) {
        return new ConditionSpec(null, null, null, "any", List.of(conditions));
    }

    boolean isGroup() {
        return match != null || conditions != null;
    }
}
