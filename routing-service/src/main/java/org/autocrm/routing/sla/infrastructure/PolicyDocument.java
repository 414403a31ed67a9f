package org.autocrm.routing.sla.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.autocrm.routing.rules.ConditionSpec;
import org.autocrm.routing.sla.policy.TargetDefinition;
import org.autocrm.routing.sla.settings.BreachActionSpec;
import org.autocrm.routing.sla.settings.PolicySpec;
import org.autocrm.routing.sla.settings.StoredPolicy;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An SLA policy in MongoDB: as the admin wrote it, {@code active} resolved so a query can filter on it. */
@Document(PolicyDocument.COLLECTION)
record PolicyDocument(@Id String id, String tenantId, String name, Integer position, boolean active, String match,
                      List<ConditionSpec> conditions, String calendarId,
                      Map<String, Map<String, TargetDefinition>> targets, Integer warningLeadMinutes,
                      List<BreachActionSpec> breachActions, long version, Instant createdAt, Instant updatedAt) {

    static final String COLLECTION = "sla_policies";

    static PolicyDocument of(StoredPolicy policy) {
        PolicySpec spec = policy.spec();
        return new PolicyDocument(policy.id(), policy.tenantId(), spec.name(), spec.position(), spec.isActive(),
                spec.match(), spec.conditions(), spec.calendarId(), spec.targets(), spec.warningLeadMinutes(),
                spec.breachActions(), policy.version(), policy.createdAt(), policy.updatedAt());
    }

    StoredPolicy toPolicy() {
        return new StoredPolicy(tenantId, id, new PolicySpec(name, position, active, match, conditions, calendarId,
                targets, warningLeadMinutes, breachActions), version, createdAt, updatedAt);
    }
}
