package org.autocrm.routing.rules.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.autocrm.routing.rules.RuleSpec;
import org.springframework.lang.Nullable;

/**
 * A rule as an admin writes it (see the service's README for fields, operators and actions). Checked as a whole:
 * a refusal names every field at fault.
 *
 * @param version the version the change was made on (PUT, or use If-Match); a stale one is refused with 409
 */
@Schema(requiredProperties = {"name", "position", "triggers", "actions"})
record RuleRequest(
        @Schema(example = "Gold e-mail to Premium support", maxLength = 200) String name,
        @Schema(description = "Where the rule runs among the others: lower first, ties by id", minimum = "0")
        Integer position,
        @Nullable @Schema(description = "Off rules are kept but do not run; true when left out") Boolean active,
        @Schema(description = "The changes the rule runs on: created, status_changed, priority_changed, "
                + "category_changed, tags_changed, custom_field_changed, assignment_changed, customer_replied, "
                + "agent_replied") List<String> triggers,
        @Nullable @Schema(allowableValues = {"all", "any"}, description = "How the conditions combine; all when left out")
        String match,
        @Nullable @Schema(description = "Field tests {field, operator, value} or groups {match, conditions}; none "
                + "means every ticket") List<ConditionBody> conditions,
        @Schema(description = "What a match does: {type, value}") List<ActionBody> actions,
        @Nullable @Schema(description = "The version this change was made on (instead of If-Match)") Long version) {

    RuleSpec spec() {
        return new RuleSpec(name, position, active, triggers, match, ConditionBody.specs(conditions),
                ActionBody.specs(actions));
    }
}
