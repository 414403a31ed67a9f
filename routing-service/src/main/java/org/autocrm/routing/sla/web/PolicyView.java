package org.autocrm.routing.sla.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.sla.policy.TargetDefinition;
import org.autocrm.routing.sla.settings.BreachActionSpec;
import org.autocrm.routing.sla.settings.PolicySpec;
import org.autocrm.routing.sla.settings.StoredPolicy;
import org.springframework.lang.Nullable;

/** A stored SLA policy as written, with its id and version (also the ETag). */
@Schema(name = "SlaPolicy")
record PolicyView(
        String id,
        String name,
        int position,
        boolean active,
        @Schema(allowableValues = {"all", "any"}) String match,
        List<ConditionSpec> conditions,
        @Nullable @Schema(description = "null: the tenant's default calendar") String calendarId,
        Map<String, Map<String, TargetDefinition>> targets,
        int warningLeadMinutes,
        List<BreachActionSpec> breachActions,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    static PolicyView of(StoredPolicy policy) {
        PolicySpec spec = policy.spec();
        return new PolicyView(policy.id(), spec.name(), spec.position(), policy.active(),
                spec.match() == null ? "all" : spec.match(), spec.conditions() == null ? List.of() : spec.conditions(),
                spec.calendarId(), spec.targets(), spec.warningLeadMinutes() == null ? 0 : spec.warningLeadMinutes(),
                spec.breachActions() == null ? List.of() : spec.breachActions(), policy.version(),
                policy.createdAt(), policy.updatedAt());
    }
}
