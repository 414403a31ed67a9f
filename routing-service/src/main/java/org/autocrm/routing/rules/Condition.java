package org.autocrm.routing.rules;

/** A checked test on a ticket's facts: one field test, or a group of them that must all or any hold. */
public sealed interface Condition permits FieldCondition, ConditionGroup {

    /** Tests the facts and says why: the condition at {@code path}, whether it held, and what the ticket had. */
    ConditionCheck check(TicketFacts facts, String path);

    /** The condition as an admin would read it, e.g. {@code customer.tier in ["gold", "platinum"]}. */
    String describe();
}
