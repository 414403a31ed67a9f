package org.autocrm.routing.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Which rules' actions led to a change, oldest first: empty for a change a person (or anything but a rule) made;
 * {@code [A]} for a change rule A's command made; {@code [A, B]} when rule B acted on the change A made.
 *
 * <p>A rule never runs on a change in whose chain it is. That stops a rule re-triggering itself, and also stops
 * longer loops (A sets a priority, B reacts with a tag, A reacts to the tag ...): every rule fires at most once
 * along a chain, so a chain is never longer than the rule set.
 */
public record CausedBy(List<String> ruleIds) {

    public CausedBy {
        ruleIds = List.copyOf(ruleIds);
    }

    /** A change no rule caused: a person, the customer, an API client, an assignment strategy or an SLA breach. */
    public static CausedBy noRule() {
        return new CausedBy(List.of());
    }

    /** The change that {@code ruleId}'s command made while acting on a change caused by {@code this}. */
    public CausedBy then(String ruleId) {
        List<String> chain = new ArrayList<>(ruleIds);
        chain.add(ruleId);
        return new CausedBy(chain);
    }

    public boolean involves(String ruleId) {
        return ruleIds.contains(ruleId);
    }
}
