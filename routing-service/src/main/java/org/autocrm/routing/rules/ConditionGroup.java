package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions that must all hold, or any one. An empty {@code all} group holds for every ticket (a rule without
 * conditions applies to every ticket its trigger names); an empty {@code any} group is refused by the parser.
 */
public record ConditionGroup(Match match, List<Condition> conditions) implements Condition {

    public ConditionGroup {
        conditions = List.copyOf(conditions);
    }

    @Override
    public ConditionCheck check(TicketFacts facts, String path) {
        return check(facts, path, path + ".conditions");
    }

    /** A rule's root group is at {@code conditions} and its conditions at {@code conditions[i]}, as in the rule. */
    ConditionCheck checkAsRoot(TicketFacts facts) {
        return check(facts, "conditions", "conditions");
    }

    private ConditionCheck check(TicketFacts facts, String path, String partsPath) {
        // every condition is checked, even after the outcome is known, so the explanation is complete
        List<ConditionCheck> parts = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            parts.add(conditions.get(i).check(facts, partsPath + "[" + i + "]"));
        }
        boolean passed = match == Match.ALL
                ? parts.stream().allMatch(ConditionCheck::passed)
                : parts.stream().anyMatch(ConditionCheck::passed);
        return new ConditionCheck(path, describe(), passed, null, match, parts);
    }

    @Override
    public String describe() {
        return match.wireName() + " of " + conditions.size() + (conditions.size() == 1 ? " condition" : " conditions");
    }
}
