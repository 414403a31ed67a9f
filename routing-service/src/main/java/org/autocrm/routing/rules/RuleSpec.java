package org.autocrm.routing.rules;

import java.util.List;

/**
 * A rule as an admin writes it and as it is stored: plain strings, numbers and lists, not yet checked.
 * {@link RuleParser} checks it and makes the {@link Rule}; every problem is named by the path of the part at fault.
 *
 * <pre>{@code
 * {"name": "Gold e-mail to Premium support", "position": 10, "active": true, "triggers": ["created"],
 *  "match": "all",
 *  "conditions": [{"field": "channel", "operator": "is", "value": "email"},
 *                 {"match": "any", "conditions": [{"field": "customer.tier", "operator": "is", "value": "gold"},
 *                                                 {"field": "tags", "operator": "contains", "value": "vip"}]}],
 *  "actions": [{"type": "assign_group", "value": "premium-support"}, {"type": "add_tags", "value": ["gold"]}]}
 * }</pre>
 *
 * @param active   null reads as true
 * @param match    how the top-level conditions combine: {@code all} (the default when null) or {@code any}
 */
public record RuleSpec(
        String name,
        Integer position,
        Boolean active,
        List<String> triggers,
        String match,
        List<ConditionSpec> conditions,
        List<ActionSpec> actions) {
}
