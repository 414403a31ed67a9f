package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.autocrm.routing.rules.Action;
import org.autocrm.routing.rules.ActionSpec;
import org.springframework.lang.Nullable;

/** An action on the wire, e.g. {@code {"type": "assign_group", "value": "premium-support"}}. */
@Schema(name = "RuleAction")
record ActionBody(
        @Schema(allowableValues = {"assign_group", "assign_agent", "set_priority", "add_tags", "remove_tags",
                "set_category", "apply_sla_policy", "run_macro"}) String type,
        @Nullable @Schema(description = "An id or priority as a string; a list of tags for add_tags and remove_tags")
        Object value) {

    ActionSpec spec() {
        return new ActionSpec(type, value);
    }

    static List<ActionSpec> specs(List<ActionBody> bodies) {
        return bodies == null ? null : bodies.stream().map(a -> a == null ? null : a.spec()).toList();
    }

    static List<ActionBody> ofAll(List<ActionSpec> specs) {
        return specs == null ? List.of() : specs.stream().map(a -> new ActionBody(a.type(), a.value())).toList();
    }

    /** A checked action, written back the way an admin writes it. */
    static ActionBody of(Action action) {
        Object value;
        if (action instanceof Action.AssignToGroup a) {
            value = a.groupId();
        } else if (action instanceof Action.AssignToAgent a) {
            value = a.agentId();
        } else if (action instanceof Action.SetPriority a) {
            value = a.priority();
        } else if (action instanceof Action.AddTags a) {
            value = a.tags();
        } else if (action instanceof Action.RemoveTags a) {
            value = a.tags();
        } else if (action instanceof Action.SetCategory a) {
            value = a.categoryId();
        } else if (action instanceof Action.ApplySlaPolicy a) {
            value = a.policyId();
        } else if (action instanceof Action.RunMacro a) {
            value = a.cannedResponseId();
        } else {
            throw new IllegalStateException("an action this API does not show: " + action.type());
        }
        return new ActionBody(action.type(), value);
    }
}
