package org.autocrm.ticket.configuration.priority;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.autocrm.ticket.configuration.ConfigurationRule;
import org.autocrm.ticket.refusal.Refused;

/** What makes a list of priorities valid: 1 to 10 distinct upper snake case names. */
final class PriorityNames {

    static final int MAX_PRIORITIES = 10;
    static final int NAME_MAX_LENGTH = 30;
    private static final Pattern UPPER_SNAKE_CASE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private PriorityNames() {
    }

    static List<String> valid(List<String> priorities) {
        if (priorities == null || priorities.isEmpty() || priorities.size() > MAX_PRIORITIES) {
            throw new Refused(ConfigurationRule.PRIORITIES_COUNT,
                    "priorities must list 1 to " + MAX_PRIORITIES + " names, lowest first");
        }
        Set<String> seen = new HashSet<>();
        for (String priority : priorities) {
            if (priority == null || priority.length() > NAME_MAX_LENGTH || !UPPER_SNAKE_CASE.matcher(priority).matches()) {
                throw new Refused(ConfigurationRule.PRIORITY_NAME_INVALID,
                        "priorities must be upper snake case names (like VERY_HIGH) of at most " + NAME_MAX_LENGTH
                                + " characters, not '" + priority + "'");
            }
            if (!seen.add(priority)) {
                throw new Refused(ConfigurationRule.PRIORITIES_DUPLICATED,
                        "priorities must be distinct; " + priority + " is listed twice");
            }
        }
        return List.copyOf(priorities);
    }
}
