package org.autocrm.routing.rules;

import java.util.List;
import java.util.Optional;

/**
 * Why one condition held or not, for the dry run and the decision log.
 *
 * @param path      where the condition is in the rule, as validation names it ({@code conditions[1].conditions[0]})
 * @param condition the condition as an admin reads it
 * @param actual    what the ticket had (e.g. {@code "low"} or {@code not set}); null for a group
 * @param group     how a group combines its conditions; null for a field test
 * @param parts     the checks of a group's conditions, empty for a field test
 */
public record ConditionCheck(
        String path, String condition, boolean passed, String actual, Match group, List<ConditionCheck> parts) {

    public ConditionCheck {
        parts = List.copyOf(parts);
    }

    /**
     * The condition that made this one fail: a failed field test, or a failed {@code any} group (all of whose
     * conditions failed, so no single one is to blame); empty when it passed.
     */
    public Optional<ConditionCheck> cause() {
        if (passed) {
            return Optional.empty();
        }
        if (group == null || group == Match.ANY) {
            return Optional.of(this);
        }
        return parts.stream().filter(part -> !part.passed()).findFirst().flatMap(ConditionCheck::cause);
    }

    /** One line, e.g. {@code conditions[0]: priority is "high" — failed, ticket has "low"}. */
    public String explain() {
        String verdict = path + ": " + condition + " — " + (passed ? "held" : "failed");
        if (actual == null) {
            return verdict;
        }
        return verdict + (Values.NOT_SET.equals(actual) ? ", not set on the ticket" : ", ticket has " + actual);
    }
}
