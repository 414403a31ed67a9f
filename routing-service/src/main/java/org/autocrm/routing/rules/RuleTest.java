package org.autocrm.routing.rules;

import java.util.List;
import java.util.Optional;

/**
 * What one rule makes of one ticket: whether its conditions hold, each condition's check, and the actions it would
 * take (none when it does not match).
 */
public record RuleTest(String ruleId, boolean matched, ConditionCheck conditions, List<Action> actions) {

    public RuleTest {
        actions = List.copyOf(actions);
    }

    /** The condition that kept the rule from matching (see {@link ConditionCheck#cause()}). */
    public Optional<ConditionCheck> failedCondition() {
        return conditions.cause();
    }
}
