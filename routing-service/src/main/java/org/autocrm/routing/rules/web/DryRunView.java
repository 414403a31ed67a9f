package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.autocrm.routing.rules.ConditionCheck;
import org.autocrm.routing.rules.Match;
import org.autocrm.routing.rules.RuleTest;
import org.springframework.lang.Nullable;

/**
 * What a rule would make of a ticket, without doing it: whether it matches, the condition that kept it from
 * matching, every condition's check, and the actions it would take (none when it does not match).
 */
record DryRunView(
        String ruleId,
        boolean matched,
        @Nullable Check failedCondition,
        Check conditions,
        List<ActionBody> actions) {

    static DryRunView of(RuleTest test) {
        return new DryRunView(test.ruleId(), test.matched(), test.failedCondition().map(Check::of).orElse(null),
                Check.of(test.conditions()), test.actions().stream().map(ActionBody::of).toList());
    }

    /**
     * One condition's check.
     *
     * @param path        where the condition is in the rule, e.g. {@code conditions[1].conditions[0]}
     * @param actual      what the ticket had; null for a group
     * @param match       how a group combines its conditions; null for a field test
     * @param explanation one line, e.g. {@code conditions[0]: priority is "high" — failed, ticket has "low"}
     */
    @Schema(name = "RuleConditionCheck")
    record Check(String path, String condition, boolean passed, @Nullable String actual,
                 @Nullable @Schema(allowableValues = {"all", "any"}) String match, List<Check> parts,
                 String explanation) {

        static Check of(ConditionCheck check) {
            Match group = check.group();
            return new Check(check.path(), check.condition(), check.passed(), check.actual(),
                    group == null ? null : group.wireName(),
                    check.parts().stream().map(Check::of).toList(), check.explain());
        }
    }
}
