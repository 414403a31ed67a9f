package org.autocrm.routing.sla.settings;

import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.sla.policy.TargetDefinition;

/**
 * An SLA policy as an admin writes it and as it is stored, unchecked: {@link PolicyParser} checks it.
 *
 * @param active     null reads as true
 * @param match      how the conditions combine: {@code all} (the default) or {@code any}; conditions as for routing rules
 * @param calendarId the business calendar its business-hours targets count in; null for the tenant's default
 * @param targets    by priority name, then metric ({@code first_response}, {@code next_response}, {@code resolution})
 */
public record PolicySpec(
        String name,
        Integer position,
        Boolean active,
        String match,
        List<ConditionSpec> conditions,
        String calendarId,
        Map<String, Map<String, TargetDefinition>> targets,
        Integer warningLeadMinutes,
        List<BreachActionSpec> breachActions) {

    public boolean isActive() {
        return active == null || active;
    }
}
