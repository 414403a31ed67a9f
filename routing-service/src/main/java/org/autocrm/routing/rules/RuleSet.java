package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * A tenant's rules in the order they run: by position (lower first), then by id, so two rules at one position
 * always run in the same order.
 */
public final class RuleSet {

    /** The documented run order. */
    public static final Comparator<Rule> RUN_ORDER = Comparator.comparingInt(Rule::position).thenComparing(Rule::id);

    private final List<Rule> rules;

    public RuleSet(Collection<Rule> rules) {
        this.rules = rules.stream().sorted(RUN_ORDER).toList();
    }

    public List<Rule> rules() {
        return rules;
    }

    /**
     * Runs every rule on one change of one ticket. A rule is tested when it is active, names the change's trigger
     * and did not itself lead to the change ({@link CausedBy}); every rule sees the facts as they were at the
     * change, not as earlier rules' actions would leave them (those actions are changes of their own, and trigger
     * rules when they happen). The matching rules' actions become commands by {@link ActionResolution}.
     */
    public Decision evaluate(TicketChange change, TicketFacts facts) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        ActionResolution resolution = new ActionResolution(change.eventId());
        for (Rule rule : rules) {
            RuleOutcome outcome = outcome(rule, change, facts);
            outcomes.add(outcome);
            if (outcome.verdict() == RuleOutcome.Verdict.MATCHED) {
                rule.actions().forEach(action -> resolution.propose(rule.id(), action));
            }
        }
        return new Decision(facts.ticketId(), change.eventId(), change.trigger(), change.causedBy(), outcomes,
                resolution.commands(), resolution.setAside());
    }

    private static RuleOutcome outcome(Rule rule, TicketChange change, TicketFacts facts) {
        if (!rule.active()) {
            return new RuleOutcome(rule.id(), rule.name(), RuleOutcome.Verdict.INACTIVE, null);
        }
        if (!rule.runsOn(change.trigger())) {
            return new RuleOutcome(rule.id(), rule.name(), RuleOutcome.Verdict.NOT_TRIGGERED, null);
        }
        if (change.causedBy().involves(rule.id())) {
            return new RuleOutcome(rule.id(), rule.name(), RuleOutcome.Verdict.CAUSED_THIS_CHANGE, null);
        }
        RuleTest test = rule.test(facts);
        RuleOutcome.Verdict verdict = test.matched() ? RuleOutcome.Verdict.MATCHED : RuleOutcome.Verdict.NOT_MATCHED;
        return new RuleOutcome(rule.id(), rule.name(), verdict, test);
    }
}
