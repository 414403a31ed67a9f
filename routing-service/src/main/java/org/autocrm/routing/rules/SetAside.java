package org.autocrm.routing.rules;

/** An action of a matching rule that is not done because an earlier rule decided the same thing (see {@link ActionResolution}). */
public record SetAside(String ruleId, Action action, String decidedByRuleId) {
}
