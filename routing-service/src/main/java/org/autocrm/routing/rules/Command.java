package org.autocrm.routing.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One thing to ask ticket-service to do, resulting from a decision.
 *
 * @param idempotencyKey {@code <eventId>:<action key>} (e.g. {@code 7f3c…:assign_group}, {@code 7f3c…:run_macro:m1}):
 *                       the same event always yields the same keys, so a redelivered event never assigns twice or
 *                       runs a macro twice
 * @param ruleIds        the rules whose actions this is, in rule order: one, except for tags, which several rules
 *                       may add in one command
 */
public record Command(String idempotencyKey, Action action, List<String> ruleIds) {

    public Command {
        ruleIds = List.copyOf(ruleIds);
    }

    /** What the ticket's history says made the change, e.g. {@code rule:r1} or {@code rule:r1,rule:r4}. */
    public String reason() {
        return ruleIds.stream().map(id -> "rule:" + id).collect(Collectors.joining(","));
    }
}
