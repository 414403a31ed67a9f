package org.autocrm.routing.rules;

import java.util.Optional;

/**
 * What became of one rule on one change, in the order the rules ran.
 *
 * @param test the conditions' checks; null when the rule was not tested (inactive, other trigger, or it caused the
 *             change)
 */
public record RuleOutcome(String ruleId, String ruleName, Verdict verdict, RuleTest test) {

    public enum Verdict {
        MATCHED,
        /** Its conditions did not hold; {@link #failedCondition()} says which. */
        NOT_MATCHED,
        INACTIVE,
        /** The rule does not run on this kind of change. */
        NOT_TRIGGERED,
        /** The rule's own action led to this change (see {@link CausedBy}), so it does not run again. */
        CAUSED_THIS_CHANGE
    }

    public Optional<ConditionCheck> failedCondition() {
        return test == null ? Optional.empty() : test.failedCondition();
    }
}
