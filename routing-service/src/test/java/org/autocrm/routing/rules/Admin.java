package org.autocrm.routing.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Rules written the way an admin writes them, for a tenant with a few channels, priorities and custom fields. */
final class Admin {

    static final RuleVocabulary VOCABULARY = new RuleVocabulary(
            Set.of("portal", "email", "chat", "phone", "api"),
            List.of("low", "normal", "high", "urgent"),
            Map.of("order_total", new RuleVocabulary.CustomField("order_total", "number", List.of()),
                    "contract_end", new RuleVocabulary.CustomField("contract_end", "date", List.of()),
                    "products", new RuleVocabulary.CustomField("products", "multi_select", List.of("router", "switch")),
                    "on_site", new RuleVocabulary.CustomField("on_site", "checkbox", List.of()),
                    "region", new RuleVocabulary.CustomField("region", "dropdown", List.of("EMEA", "APAC")),
                    "serial", new RuleVocabulary.CustomField("serial", "text", List.of())));

    private Admin() {
    }

    static Rule rule(String id, int position, List<String> triggers, List<ConditionSpec> conditions,
            ActionSpec... actions) {
        return RuleParser.parse(id, new RuleSpec("rule " + id, position, true, triggers, "all", conditions,
                List.of(actions)), VOCABULARY);
    }

    static Rule onCreation(String id, int position, List<ConditionSpec> conditions, ActionSpec... actions) {
        return rule(id, position, List.of("created"), conditions, actions);
    }

    static ConditionSpec when(String field, String operator, Object value) {
        return ConditionSpec.test(field, operator, value);
    }

    static ActionSpec assignGroup(String groupId) {
        return new ActionSpec("assign_group", groupId);
    }

    static ActionSpec assignAgent(String agentId) {
        return new ActionSpec("assign_agent", agentId);
    }

    static ActionSpec setPriority(String priority) {
        return new ActionSpec("set_priority", priority);
    }

    static ActionSpec addTags(String... tags) {
        return new ActionSpec("add_tags", List.of(tags));
    }

    static ActionSpec removeTags(String... tags) {
        return new ActionSpec("remove_tags", List.of(tags));
    }

    static ActionSpec runMacro(String cannedResponseId) {
        return new ActionSpec("run_macro", cannedResponseId);
    }
}
