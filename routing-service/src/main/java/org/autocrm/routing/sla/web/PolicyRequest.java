package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.sla.policy.TargetDefinition;
import org.autocrm.routing.sla.settings.BreachActionSpec;
import org.autocrm.routing.sla.settings.PolicySpec;
import org.springframework.lang.Nullable;

/**
 * An SLA policy as an admin writes it (see the service's README); checked as a whole, a refusal names every field
 * at fault.
 */
@Schema(name = "SlaPolicyRequest", requiredProperties = {"name", "position", "targets"})
record PolicyRequest(
        @Schema(example = "Business hours", maxLength = 200) String name,
        @Schema(description = "Where the policy is tried among the others: lower first, ties by id; the first that "
                + "matches applies", minimum = "0") Integer position,
        @Nullable @Schema(description = "Off policies are kept but apply to no ticket; true when left out") Boolean active,
        @Nullable @Schema(allowableValues = {"all", "any"}, description = "How the conditions combine; all when left out")
        String match,
        @Nullable @Schema(description = "Conditions as for routing rules: {field, operator, value} or {match, "
                + "conditions}; none means every ticket") List<ConditionSpec> conditions,
        @Nullable @Schema(description = "The calendar business-hours targets count in; the tenant's default when left out")
        String calendarId,
        @Schema(description = "By priority (e.g. HIGH), then metric (first_response, next_response, resolution): "
                + "{minutes, basis: business|calendar}") Map<String, Map<String, TargetDefinition>> targets,
        @Nullable @Schema(description = "Minutes before a due time at which the ticket is at risk (a warning event); "
                + "0 or left out for none", minimum = "0") Integer warningLeadMinutes,
        @Nullable @Schema(description = "What a breach does: {type: escalate, groupId}, {type: raise_priority, "
                + "priority}, {type: notify_team_lead, userId}") List<BreachActionSpec> breachActions,
        @Nullable @Schema(description = "The version this change was made on (instead of If-Match)") Long version) {

    PolicySpec spec() {
        return new PolicySpec(name, position, active, match, conditions, calendarId, targets, warningLeadMinutes,
                breachActions);
    }
}
