package org.autocrm.routing.rules;

import java.time.Instant;

/**
 * A tenant's rule as kept: what the admin wrote ({@link RuleSpec}, already accepted by {@link RuleParser}) and its
 * bookkeeping. {@code version} starts at 0 and grows by one with each change; a change that names an older version
 * is refused, so two admins editing one rule never overwrite each other unknowingly.
 */
public record StoredRule(String tenantId, String id, RuleSpec spec, long version, Instant createdAt,
                         Instant updatedAt) {

    /** {@link RuleSpec#active()} as the parser reads it: null is active. */
    public boolean active() {
        return spec.active() == null || spec.active();
    }

    /** The checked rule, for the dry run and (later) the rule set the ticket stream runs against. */
    public Rule rule(RuleVocabulary vocabulary) {
        return RuleParser.parse(id, spec, vocabulary);
    }
}
