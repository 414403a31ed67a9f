package org.autocrm.routing.rules;

import java.util.List;

/**
 * What the rules decided on one change of one ticket: each rule's outcome in the order they ran, the commands to
 * send in order, and the matching rules' actions that were set aside in favour of earlier ones. This is what the
 * decision log records.
 */
public record Decision(
        String ticketId,
        String eventId,
        Trigger trigger,
        CausedBy causedBy,
        List<RuleOutcome> rules,
        List<Command> commands,
        List<SetAside> setAside) {

    public Decision {
        rules = List.copyOf(rules);
        commands = List.copyOf(commands);
        setAside = List.copyOf(setAside);
    }

    public List<String> matchedRuleIds() {
        return rules.stream().filter(rule -> rule.verdict() == RuleOutcome.Verdict.MATCHED)
                .map(RuleOutcome::ruleId).toList();
    }
}
