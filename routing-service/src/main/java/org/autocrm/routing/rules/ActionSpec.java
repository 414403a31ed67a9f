package org.autocrm.routing.rules;

/**
 * An action as written, e.g. {@code {"type": "assign_group", "value": "<groupId>"}} or
 * {@code {"type": "add_tags", "value": ["vip"]}}.
 *
 * @param type  assign_group, assign_agent, set_priority, add_tags, remove_tags, set_category, apply_sla_policy or
 *              run_macro
 * @param value an id or priority as a string; a list of tags for add_tags and remove_tags
 */
public record ActionSpec(String type, Object value) {
}
