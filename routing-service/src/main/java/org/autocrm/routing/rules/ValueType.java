package org.autocrm.routing.rules;

import java.util.EnumSet;
import java.util.Set;
import static org.autocrm.routing.rules.Operator.CONTAINS;
import static org.autocrm.routing.rules.Operator.GREATER_THAN;
import static org.autocrm.routing.rules.Operator.IN;
import static org.autocrm.routing.rules.Operator.IS;
import static org.autocrm.routing.rules.Operator.IS_NOT;
import static org.autocrm.routing.rules.Operator.IS_NOT_SET;
import static org.autocrm.routing.rules.Operator.IS_SET;
import static org.autocrm.routing.rules.Operator.LESS_THAN;
import static org.autocrm.routing.rules.Operator.NOT_CONTAINS;
import static org.autocrm.routing.rules.Operator.NOT_IN;

/** The kind of value a field holds; it decides which operators make sense on it and what a condition's value must be. */
public enum ValueType {
    /** Free text (subject, description, company, a text custom field): compared ignoring case, searched with contains. */
    TEXT("text", EnumSet.of(IS, IS_NOT, CONTAINS, NOT_CONTAINS, IN, NOT_IN, IS_SET, IS_NOT_SET)),
    /** One value of a small vocabulary or an id (channel, priority, status, tier, a dropdown): compared ignoring case. */
    KEYWORD("keyword", EnumSet.of(IS, IS_NOT, IN, NOT_IN, IS_SET, IS_NOT_SET)),
    NUMBER("number", EnumSet.of(IS, IS_NOT, GREATER_THAN, LESS_THAN, IS_SET, IS_NOT_SET)),
    BOOLEAN("boolean", EnumSet.of(IS, IS_NOT, IS_SET, IS_NOT_SET)),
    /** A calendar day ({@code 2026-03-31}); greater_than means after, less_than before. */
    DATE("date", EnumSet.of(IS, IS_NOT, GREATER_THAN, LESS_THAN, IS_SET, IS_NOT_SET)),
    /** An instant ({@code 2026-03-31T08:00:00Z}); only before and after make sense. */
    TIMESTAMP("timestamp", EnumSet.of(GREATER_THAN, LESS_THAN, IS_SET, IS_NOT_SET)),
    /**
     * A set of strings (tags, a multi select): {@code contains} has the value, {@code not_contains} lacks it,
     * {@code in} has at least one of the values, {@code not_in} has none of them, {@code is_set} has any at all.
     */
    LIST("list", EnumSet.of(CONTAINS, NOT_CONTAINS, IN, NOT_IN, IS_SET, IS_NOT_SET));

    private final String wireName;
    private final Set<Operator> operators;

    ValueType(String wireName, Set<Operator> operators) {
        this.wireName = wireName;
        this.operators = operators;
    }

    public String wireName() {
        return wireName;
    }

    public Set<Operator> operators() {
        return Set.copyOf(operators);
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }
}
