package org.autocrm.routing.rules;

import java.util.List;
import java.util.Set;

/**
 * A checked routing rule (made by {@link RuleParser} from a {@link RuleSpec}).
 *
 * @param position   where the rule runs among the tenant's rules: lower first, ties by id
 * @param triggers   the changes the rule runs on
 * @param conditions the root group, at path {@code conditions}
 */
public record Rule(
        String id,
        String name,
        int position,
        boolean active,
        Set<Trigger> triggers,
        ConditionGroup conditions,
        List<Action> actions) {

    public Rule {
        triggers = Set.copyOf(triggers);
        actions = List.copyOf(actions);
    }

    public boolean runsOn(Trigger trigger) {
        return triggers.contains(trigger);
    }

    /**
     * The dry run: would the rule's conditions hold for this ticket as it is, and what would it do. Trigger and
     * active flag are left out on purpose: an admin tests a rule on a chosen ticket, often before switching it on.
     */
    public RuleTest test(TicketFacts facts) {
        ConditionCheck check = conditions.checkAsRoot(facts);
        return new RuleTest(id, check.passed(), check, check.passed() ? actions : List.of());
    }
}
